package io.jenkins.plugins.dockerci.agent;

import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import jenkins.MasterToSlaveFileCallable;

/** Runs an {@link AgentTask} in a workspace, on the node that holds it. */
final class AgentFileCall<R extends Serializable> extends MasterToSlaveFileCallable<R> {

    private static final long serialVersionUID = 1L;

    private final AgentInvocation<R> invocation;

    AgentFileCall(AgentInvocation<R> invocation) {
        this.invocation = invocation;
    }

    @Override
    public R invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        return invocation.run(workspace);
    }
}
