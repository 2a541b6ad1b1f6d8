package io.jenkins.plugins.dockerci.engine.testrun;

/** How the test container's run ended. */
public enum Termination {
    /** The command exited by itself; its exit code is the result. */
    EXITED,
    /** The run's timeout passed: the container was stopped (grace period, then killed). */
    TIMED_OUT,
    /** The calling thread was interrupted (an aborted build): the container was stopped. */
    INTERRUPTED
}
