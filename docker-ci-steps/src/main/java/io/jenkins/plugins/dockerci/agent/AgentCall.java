package io.jenkins.plugins.dockerci.agent;

import java.io.IOException;
import java.io.Serializable;
import jenkins.security.MasterToSlaveCallable;

/** Runs an {@link AgentTask} on a node without a workspace (for example the orphan reaper). */
final class AgentCall<R extends Serializable> extends MasterToSlaveCallable<R, IOException> {

    private static final long serialVersionUID = 1L;

    private final AgentInvocation<R> invocation;

    AgentCall(AgentInvocation<R> invocation) {
        this.invocation = invocation;
    }

    @Override
    public R call() throws IOException {
        try {
            return invocation.run(null);
        } catch (InterruptedException e) {
            // Callable.call() cannot throw InterruptedException; keep the flag so the channel reports the abort
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while running " + invocation.task().getClass().getSimpleName());
        }
    }
}
