package io.jenkins.plugins.dockerci.pipeline;

/**
 * How the agent holding a {@code dockerServices} block's containers talks to the controller: it says when the services
 * are ready (the body starts then), and waits until the body has ended (then it removes the services). Exported to the
 * agent over the channel, so both calls are remote calls to the controller.
 */
public interface ServicesLease {

    /** The services are ready: run the body with {@code started}'s environment. */
    void ready(ServicesStarted started);

    /** Blocks until the body has ended (or the step was stopped). */
    void awaitRelease() throws InterruptedException;
}
