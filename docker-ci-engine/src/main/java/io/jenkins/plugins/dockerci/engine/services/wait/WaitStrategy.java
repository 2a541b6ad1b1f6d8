package io.jenkins.plugins.dockerci.engine.services.wait;

/**
 * How to tell that a started service is ready to be used. Create instances with {@link Wait}.
 *
 * <p>Implementations are immutable and hold no state between calls, so one strategy may wait for several services
 * at once. They return as soon as the service is ready, the deadline has passed, or the service has stopped
 * running ({@link WaitTarget#running()}); the caller tells these apart and explains the failure.
 */
public interface WaitStrategy {

    /**
     * Blocks until the target is ready.
     *
     * @return {@code true} once ready; {@code false} when the deadline passed or the target stopped running first
     * @throws InterruptedException when the calling thread is interrupted (the caller tears down)
     */
    boolean waitUntilReady(WaitTarget target, Deadline deadline) throws InterruptedException;

    /** What this strategy waits for, for messages: "TCP port 5432", "log message matching ...". */
    String description();
}
