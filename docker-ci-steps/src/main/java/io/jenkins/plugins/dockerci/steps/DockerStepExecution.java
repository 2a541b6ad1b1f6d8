package io.jenkins.plugins.dockerci.steps;

import hudson.AbortException;
import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.params.StepRun;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * How a Docker CI step runs in Pipeline: on workflow-step-api's shared thread pool, as the build's authentication,
 * never on the CPS VM thread; stopping the build interrupts the work, which stops what the engine runs on the agent
 * and removes it, and fails the step at once (finding S5 of the runtime review).
 *
 * <p>The work does not survive a controller restart: the remoting call it waited for is gone. {@link #onResume()}
 * fails the step and says so; what the work had created is in the build's ledger and is removed by the build's
 * final cleanup, on every engine the build used, also after the restart.
 *
 * @param <T> the step's return value
 */
abstract class DockerStepExecution<T> extends SynchronousNonBlockingStepExecution<T> {

    private static final long serialVersionUID = 1L;

    private final String function;

    DockerStepExecution(StepContext context, String function) {
        super(context);
        this.function = function;
    }

    /** The step's view of its build; call from {@link #run()}. */
    protected final StepRun stepRun() throws IOException, InterruptedException {
        return StepRun.pipeline(getContext(), function);
    }

    @Override
    public void onResume() {
        getContext().onFailure(new AbortException(Messages.DockerStepExecution_restarted(function)));
    }
}
