package io.jenkins.plugins.dockerci.agent;

import hudson.model.TaskListener;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import io.jenkins.plugins.dockerci.engine.log.SecretMasker;
import io.jenkins.plugins.dockerci.log.TaskListenerLogSink;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/** What both callables carry to the agent, and how they run it there. */
record AgentInvocation<R extends Serializable>(AgentTask<R> task, TaskListener listener, List<String> secrets,
                                               ResourceTracker tracker) implements Serializable {

    AgentInvocation {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(listener, "listener");
        secrets = Jep200.list(secrets);
        Objects.requireNonNull(tracker, "tracker");
    }

    /** The task's class only: the secrets must never reach a log through a generated {@code toString()}. */
    @Override
    public String toString() {
        return "AgentInvocation[" + task.getClass().getSimpleName() + ", " + secrets.size() + " secrets]";
    }

    R run(File workspace) throws IOException, InterruptedException {
        SecretMasker masker = SecretMasker.wrap(new TaskListenerLogSink(listener), secrets);
        AgentContext context = new AgentContext(workspace, masker, tracker);
        try {
            return task.run(context);
        } catch (InterruptedException e) {
            throw e;
        } catch (AgentFailure e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw AgentFailure.copyOf(e, masker);
        }
    }
}
