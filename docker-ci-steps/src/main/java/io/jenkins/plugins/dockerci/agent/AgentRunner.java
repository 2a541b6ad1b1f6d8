package io.jenkins.plugins.dockerci.agent;

import hudson.FilePath;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import java.io.IOException;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Sends engine work from the controller to the node where it must run, and waits for its result.
 *
 * <p>The task's log lines go to the build's {@link TaskListener} as they are written (Jenkins streams a listener
 * across the channel), with the given secrets (and their encoded forms) masked on the agent before they leave it. The ledger tracker stays on the
 * controller: the agent gets a remote proxy to it, so every resource is recorded in the build directory before Docker
 * is asked to create it. Aborting the build interrupts the thread waiting here, which remoting passes on to the agent
 * thread running the task.
 */
public final class AgentRunner {

    private final TaskListener listener;
    private final List<String> secrets;
    private final ResourceTracker tracker;

    /**
     * @param listener the build console
     * @param secrets  values the agent must mask in every line and error message (passwords the task carries)
     * @param tracker  the build's ledger on the controller
     */
    public AgentRunner(TaskListener listener, Collection<String> secrets, ResourceTracker tracker) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.secrets = Jep200.list(secrets.stream().filter(Objects::nonNull).toList());
        this.tracker = Objects.requireNonNull(tracker, "tracker");
    }

    /** Runs {@code task} on the node that holds {@code workspace}, with the workspace as its directory. */
    public <R extends Serializable> R inWorkspace(FilePath workspace, AgentTask<R> task) throws IOException, InterruptedException {
        return workspace.act(new AgentFileCall<>(invocation(workspace.getChannel(), task)));
    }

    /** Runs {@code task} on the node at the other end of {@code channel}, without a workspace. */
    public <R extends Serializable> R onNode(VirtualChannel channel, AgentTask<R> task) throws IOException, InterruptedException {
        return channel.call(new AgentCall<>(invocation(channel, task)));
    }

    private <R extends Serializable> AgentInvocation<R> invocation(VirtualChannel channel, AgentTask<R> task) {
        return new AgentInvocation<>(task, listener, secrets, channel.export(ResourceTracker.class, tracker));
    }
}
