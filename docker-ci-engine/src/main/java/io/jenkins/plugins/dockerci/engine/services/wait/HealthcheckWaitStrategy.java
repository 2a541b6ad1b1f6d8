package io.jenkins.plugins.dockerci.engine.services.wait;

import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.InspectContainerResponse;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import java.time.Duration;

/** Ready when Docker reports the container's HEALTHCHECK (from the image or the service spec) as healthy. */
public final class HealthcheckWaitStrategy implements WaitStrategy {

    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(100);

    private final Duration pollInterval;

    HealthcheckWaitStrategy(Duration pollInterval) {
        this.pollInterval = Poll.requireValidInterval(pollInterval);
    }

    /** A copy that asks Docker for the health status every {@code interval}. */
    public HealthcheckWaitStrategy withPollInterval(Duration interval) {
        return new HealthcheckWaitStrategy(interval);
    }

    @Override
    public boolean waitUntilReady(WaitTarget target, Deadline deadline) throws InterruptedException {
        return Poll.until(target, deadline, pollInterval, () -> healthy(target));
    }

    private static boolean healthy(WaitTarget target) {
        InspectContainerResponse inspect = target.docker().inspectContainerCmd(target.containerId()).exec();
        HealthState health = inspect.getState() == null ? null : inspect.getState().getHealth();
        if (health == null) {
            throw new DockerCiException("Service '" + target.serviceName() + "' waits for its HEALTHCHECK, but its image "
                    + inspect.getConfig().getImage() + " defines none. Add a HEALTHCHECK to the image or choose another"
                    + " readiness check (port, log message or command).");
        }
        return "healthy".equals(health.getStatus());
    }

    @Override
    public String description() {
        return "HEALTHCHECK reporting healthy";
    }

    @Override
    public String toString() {
        return description();
    }
}
