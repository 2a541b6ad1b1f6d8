package io.jenkins.plugins.dockerci.pipeline;

import hudson.AbortException;
import io.jenkins.plugins.dockerci.params.StepServices;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * Runs a step's work on a thread of its own, so the Pipeline's CPS thread never waits for Docker.
 *
 * <p>{@link #stop} interrupts that thread: the agent task it waits for is interrupted in turn, and the engine stops
 * and removes what it was running before the step fails with the stop's cause. The step completes exactly once,
 * from whichever of the two finishes first. Work does not survive a controller restart: {@link #onResume()} fails the
 * step with an explanation (what the work had created is removed by the build's cleanup, as it is in the ledger).
 *
 * @param <T> the step's return value
 */
abstract class BackgroundStepExecution<T> extends StepExecution {

    private static final long serialVersionUID = 1L;

    private final String functionName;
    private final transient StepServices services;
    private final transient DockerNodes nodes;
    private transient volatile Thread worker;
    private transient volatile Throwable stopCause;
    private transient AtomicBoolean completed = new AtomicBoolean();

    /**
     * @param services what the step needs from Jenkins on the controller
     * @param nodes    where the build's final cleanup finds the node the step used
     */
    BackgroundStepExecution(StepContext context, String functionName, StepServices services, DockerNodes nodes) {
        super(context);
        this.functionName = functionName;
        this.services = services;
        this.nodes = nodes;
    }

    /** The step's view of its build; call from {@link #run()}. */
    protected final StepRun stepRun() throws IOException, InterruptedException {
        return StepRun.of(getContext(), services, nodes, functionName);
    }

    protected final StepServices services() {
        return services;
    }

    /** The work; runs on the step's own thread, which {@link #stop} interrupts. */
    protected abstract T run() throws Exception;

    @Override
    public final boolean start() {
        Thread thread = new Thread(this::work, functionName + " step");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
        return false;
    }

    @Override
    public void stop(Throwable cause) {
        requestStop(cause, true);
    }

    /**
     * Fails the step with {@code cause} once the work has ended; {@code interrupt} interrupts the work, otherwise the
     * subclass must make it end.
     */
    protected final void requestStop(Throwable cause, boolean interrupt) {
        stopCause = cause;
        Thread thread = worker;
        if (thread != null && thread.isAlive()) {
            if (interrupt) {
                thread.interrupt();
            }
        } else {
            fail(cause);
        }
    }

    /** Whether the step was asked to stop. */
    protected final boolean isStopping() {
        return stopCause != null;
    }

    @Override
    public void onResume() {
        completed = new AtomicBoolean();
        fail(new AbortException(functionName + " was running when Jenkins restarted and cannot continue; the Docker"
                + " resources it created are removed when the build completes. Run the build again."));
    }

    @Override
    public String getStatus() {
        Thread thread = worker;
        if (thread == null) {
            return "not running (Jenkins restarted)";
        }
        return thread.isAlive() ? (stopCause == null ? "running " + functionName : "stopping " + functionName)
                : "finished";
    }

    private void work() {
        T result;
        try {
            result = run();
        } catch (Throwable failure) {
            fail(stopCause != null ? stopCause : failure);
            return;
        }
        if (stopCause != null) {
            fail(stopCause);
        } else if (completed.compareAndSet(false, true)) {
            getContext().onSuccess(result);
        }
    }

    private void fail(Throwable cause) {
        if (completed.compareAndSet(false, true)) {
            getContext().onFailure(cause);
        }
    }
}
