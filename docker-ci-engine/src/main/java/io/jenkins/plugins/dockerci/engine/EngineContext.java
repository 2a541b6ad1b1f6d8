package io.jenkins.plugins.dockerci.engine;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What every engine operation needs: the Docker client of the node doing the work, the run's identity, where to
 * record what gets created, and a clock.
 *
 * @param docker  a connected client (see {@link io.jenkins.plugins.dockerci.engine.docker.DockerClients}); the caller owns and closes it
 * @param run     owner and run id, stamped as labels on everything created
 * @param tracker told about each resource before it is created
 * @param clock   time source for labels and durations
 */
public record EngineContext(DockerClient docker, RunContext run, ResourceTracker tracker, Clock clock) {

    public EngineContext {
        Objects.requireNonNull(docker, "docker");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(tracker, "tracker");
        Objects.requireNonNull(clock, "clock");
    }

    public EngineContext(DockerClient docker, RunContext run, ResourceTracker tracker) {
        this(docker, run, tracker, Clock.systemUTC());
    }

    /** The labels for a resource created now. */
    public Map<String, String> labels() {
        return run.labels(clock);
    }
}
