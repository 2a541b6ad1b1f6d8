package io.jenkins.plugins.dockerci.engine;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What every engine operation needs: the Docker client of the node doing the work, the run's identity, where to
 * record what gets created, a clock, and the one source of registry credentials for every pull and push of the run.
 *
 * @param docker     a connected client (see {@link io.jenkins.plugins.dockerci.engine.docker.DockerClients}); the caller owns and closes it
 * @param run        owner and run id, stamped as labels on everything created
 * @param tracker    told about each resource before it is created
 * @param clock      time source for labels and durations
 * @param registries the credentials for each registry the run pulls from or pushes to (base images of a build,
 *                   service and test images, push targets); {@link RegistryLogins#none()} for anonymous access only
 */
public record EngineContext(DockerClient docker, RunContext run, ResourceTracker tracker, Clock clock, RegistryLogins registries) {

    public EngineContext {
        Objects.requireNonNull(docker, "docker");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(tracker, "tracker");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(registries, "registries");
    }

    /** A context whose pulls and pushes are anonymous. */
    public EngineContext(DockerClient docker, RunContext run, ResourceTracker tracker, Clock clock) {
        this(docker, run, tracker, clock, RegistryLogins.none());
    }

    /** A context with the system clock whose pulls and pushes are anonymous. */
    public EngineContext(DockerClient docker, RunContext run, ResourceTracker tracker) {
        this(docker, run, tracker, Clock.systemUTC());
    }

    /** The same context with another source of registry credentials. */
    public EngineContext withRegistries(RegistryLogins logins) {
        return new EngineContext(docker, run, tracker, clock, logins);
    }

    /** The labels for a resource created now. */
    public Map<String, String> labels() {
        return run.labels(clock);
    }
}
