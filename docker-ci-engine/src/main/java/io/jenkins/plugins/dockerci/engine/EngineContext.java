package io.jenkins.plugins.dockerci.engine;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.dockerci.engine.docker.DockerEndpoint;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What every engine operation needs: the Docker client of the node doing the work, the run's identity, where to
 * record what gets created, and a clock.
 *
 * @param docker   a connected client (see {@link io.jenkins.plugins.dockerci.engine.docker.DockerClients}); the caller owns and closes it
 * @param run      owner and run id, stamped as labels on everything created
 * @param tracker  told about each resource before it is created
 * @param clock    time source for labels and durations
 * @param endpoint the address {@code docker} talks to, when the caller gives it: BuildKit builds open a connection
 *                 of their own to it (see {@link #withEndpoint}); without it builds use the classic builder
 */
public record EngineContext(DockerClient docker, RunContext run, ResourceTracker tracker, Clock clock,
                            Optional<DockerEndpoint> endpoint) {

    public EngineContext {
        Objects.requireNonNull(docker, "docker");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(tracker, "tracker");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(endpoint, "endpoint");
    }

    public EngineContext(DockerClient docker, RunContext run, ResourceTracker tracker, Clock clock) {
        this(docker, run, tracker, clock, Optional.empty());
    }

    public EngineContext(DockerClient docker, RunContext run, ResourceTracker tracker) {
        this(docker, run, tracker, Clock.systemUTC());
    }

    /** This context with the address of the engine {@link #docker()} is connected to. */
    public EngineContext withEndpoint(DockerEndpoint address) {
        return new EngineContext(docker, run, tracker, clock, Optional.of(address));
    }

    /** The labels for a resource created now. */
    public Map<String, String> labels() {
        return run.labels(clock);
    }
}
