package io.jenkins.plugins.dockerci.steps;

import hudson.AbortException;
import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.params.ServiceSettings;
import io.jenkins.plugins.dockerci.params.ServicesStartTask;
import io.jenkins.plugins.dockerci.params.ServicesStarted;
import io.jenkins.plugins.dockerci.params.ServicesVariables;
import io.jenkins.plugins.dockerci.params.StepRun;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * A running {@code dockerServices} block: starts the services on the agent (on a thread of Jenkins' timer pool, not
 * the CPS VM thread), keeps their ids in this execution's saved state, runs the body with their coordinates, and
 * removes them through {@link ServicesTeardown} when the body ends.
 *
 * <p>Following the runtime review: the body's environment is merged with the enclosing one, so an enclosing
 * {@code withCredentials} keeps masking its secrets (W1); nothing of the controller is exported to the agent, and the
 * agent's answer may only set the variables the controller expects (W14); the services outlive a restart of Jenkins
 * like the body's own processes, and are removed when the body ends after it (W5). A restart while the services were
 * still starting ends the step; what had started is removed by the build's final cleanup.
 */
final class ServicesExecution extends StepExecution {

    private static final long serialVersionUID = 1L;

    private final transient DockerServicesStep step;
    private volatile RunningServices running;
    private transient volatile Future<?> starting;
    private transient volatile BodyExecution body;
    private transient volatile Throwable stopCause;
    private transient volatile boolean startRan;

    ServicesExecution(StepContext context, DockerServicesStep step) {
        super(context);
        this.step = step;
    }

    @Override
    public boolean start() {
        starting = Timer.get().submit(this::startServicesThenBody);
        return false;
    }

    private void startServicesThenBody() {
        startRan = true;
        try {
            StepRun run = StepRun.pipeline(getContext(), DockerServicesStep.FUNCTION);
            ServicesStartTask task = step.task(run);
            ServicesStarted started = run.onAgent(task, List.of());
            running = RunningServices.of(run.engine(), started.containers(), started.network());
            if (stopCause != null) {
                ServicesTeardown.tearDown(getContext(), running);
                getContext().onFailure(stopCause);
                return;
            }
            started.readyMillis().forEach((alias, millis) -> run.log(Messages.ServicesExecution_ready(alias,
                    started.images().get(alias), Duration.ofMillis(millis).toMillis())));
            Map<String, String> environment = new ServicesVariables(aliases(task), task.templates().keySet())
                    .accept(started.environment(), name -> run.warn(Messages.ServicesExecution_unexpectedVariable(name)));
            run.log(Messages.ServicesExecution_environment(String.join(", ", environment.keySet())));
            body = getContext().newBodyInvoker()
                    .withContext(EnvironmentExpander.merge(getContext().get(EnvironmentExpander.class),
                            EnvironmentExpander.constant(environment)))
                    .withCallback(new ServicesTeardown(running))
                    .start();
        } catch (Throwable failure) {
            getContext().onFailure(stopCause != null ? stopCause : failure);
        }
    }

    private static Set<String> aliases(ServicesStartTask task) {
        return task.services().stream().map(ServiceSettings::alias).collect(Collectors.toSet());
    }

    @Override
    public void stop(Throwable cause) {
        stopCause = cause;
        BodyExecution started = body;
        if (started != null) {
            // the body ends with this cause, and its callback removes the services and completes the step
            started.cancel(cause);
            return;
        }
        Future<?> inProgress = starting;
        if (inProgress != null && !inProgress.isDone()) {
            // interrupting the start removes what it started; the starting thread then fails the step
            inProgress.cancel(true);
            if (startRan) {
                return;
            }
        }
        getContext().onFailure(cause);
    }

    @Override
    public void onResume() {
        if (running == null) {
            getContext().onFailure(new AbortException(Messages.ServicesExecution_restartedWhileStarting(DockerServicesStep.FUNCTION)));
        }
    }

    @Override
    public String getStatus() {
        RunningServices current = running;
        return current == null ? Messages.ServicesExecution_statusStarting()
                : Messages.ServicesExecution_statusRunning(String.join(", ", current.containers().keySet()));
    }
}
