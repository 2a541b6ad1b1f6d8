package io.jenkins.plugins.dockerci.steps;

import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.agent.AgentRunner;
import io.jenkins.plugins.dockerci.cleanup.EngineAccess;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import io.jenkins.plugins.dockerci.host.DockerHostSpec;
import io.jenkins.plugins.dockerci.log.TaskListenerLogSink;
import io.jenkins.plugins.dockerci.params.ServicesStopTask;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Ends a {@code dockerServices} block: when its body has ended, however it ended, removes the services and then
 * completes the step with the body's outcome. Part of the Pipeline's saved program, so a body that survives a
 * restart of Jenkins still tears its services down (as docker-workflow's {@code withRun} does with its
 * {@code TailCall}). Unlike a {@code TailCall} the teardown runs on a thread of Jenkins' timer pool, never on the
 * CPS VM thread, and completes the step from there.
 */
final class ServicesTeardown extends BodyExecutionCallback {

    private static final long serialVersionUID = 1L;

    private final RunningServices services;

    ServicesTeardown(RunningServices services) {
        this.services = services;
    }

    @Override
    public void onSuccess(StepContext context, Object result) {
        Timer.get().submit(() -> {
            tearDown(context);
            context.onSuccess(result);
        });
    }

    @Override
    public void onFailure(StepContext context, Throwable failure) {
        Timer.get().submit(() -> {
            tearDown(context);
            context.onFailure(failure);
        });
    }

    /** Removes the services; never throws (what is left is in the build's ledger, for its final cleanup). */
    static void tearDown(StepContext context, RunningServices services) {
        TaskListener listener = null;
        try {
            listener = context.get(TaskListener.class);
            Run<?, ?> run = context.get(Run.class);
            VirtualChannel channel = EngineAccess.channelOf(services.engine());
            if (channel == null) {
                new TaskListenerLogSink(listener).warn(Messages.ServicesTeardown_nodeOffline(services.engine().describe()));
                return;
            }
            DockerHostSpec host = EngineAccess.hostOf(services.engine(), run);
            new AgentRunner(listener, host.secrets(), ResourceTracker.NONE)
                    .onNode(channel, new ServicesStopTask(host, services.containers(), services.network()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (listener != null) {
                new TaskListenerLogSink(listener).warn(Messages.ServicesTeardown_failed(String.valueOf(e.getMessage())));
            }
        }
    }

    private void tearDown(StepContext context) {
        tearDown(context, services);
    }
}
