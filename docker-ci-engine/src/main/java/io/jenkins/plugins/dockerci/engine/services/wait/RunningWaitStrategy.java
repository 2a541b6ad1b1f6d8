package io.jenkins.plugins.dockerci.engine.services.wait;

/** Ready as soon as the container runs: for services that need no warm-up or that clients retry against. */
public final class RunningWaitStrategy implements WaitStrategy {

    RunningWaitStrategy() {
    }

    @Override
    public boolean waitUntilReady(WaitTarget target, Deadline deadline) {
        return target.running();
    }

    @Override
    public String description() {
        return "the container running";
    }

    @Override
    public String toString() {
        return description();
    }
}
