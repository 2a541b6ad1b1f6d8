package io.jenkins.plugins.dockerci.pipeline;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.dockerci.action.BuildSummaryAction;
import io.jenkins.plugins.dockerci.agent.AgentFailure;
import io.jenkins.plugins.dockerci.agent.AgentTask;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.log.TaskListenerLogSink;
import io.jenkins.plugins.dockerci.params.EngineTarget;
import io.jenkins.plugins.dockerci.params.StepFailures;
import io.jenkins.plugins.dockerci.params.StepServices;
import java.io.IOException;
import java.io.Serializable;
import java.util.Collection;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * One step execution's view of its build, resolved on the controller: the build, its console, the workspace of the
 * current {@code node}, its environment, and the engine target (Docker host and the build's identity).
 */
final class StepRun {

    private final Run<?, ?> run;
    private final TaskListener listener;
    private final FilePath workspace;
    private final EnvVars env;
    private final StepServices services;
    private final DockerNodes nodes;
    private final EngineTarget target;

    private StepRun(Run<?, ?> run, TaskListener listener, FilePath workspace, EnvVars env, StepServices services,
                    DockerNodes nodes) throws IOException {
        this.run = run;
        this.listener = listener;
        this.workspace = workspace;
        this.env = env;
        this.services = services;
        this.nodes = nodes;
        this.target = services.target(run, env);
    }

    /**
     * Reads the step's context.
     *
     * @throws AbortException when the step runs outside {@code node { }} (Pipeline normally says so before starting it)
     */
    static StepRun of(StepContext context, StepServices services, DockerNodes nodes, String functionName)
            throws IOException, InterruptedException {
        FilePath workspace = context.get(FilePath.class);
        if (workspace == null) {
            throw new AbortException(functionName + " needs a workspace: call it inside node { ... }.");
        }
        EnvVars env = context.get(EnvVars.class);
        return new StepRun(context.get(Run.class), context.get(TaskListener.class), workspace,
                env == null ? new EnvVars() : env, services, nodes);
    }

    Run<?, ?> run() {
        return run;
    }

    EnvVars env() {
        return env;
    }

    FilePath workspace() {
        return workspace;
    }

    StepServices services() {
        return services;
    }

    /** The engine and identity every agent task of this step carries. */
    EngineTarget target() {
        return target;
    }

    BuildSummaryAction summary() {
        return BuildSummaryAction.of(run);
    }

    /** Writes one engine-style line to the build console. */
    void log(String message) {
        new TaskListenerLogSink(listener).info(message);
    }

    /** Writes one engine-style warning to the build console. */
    void warn(String message) {
        new TaskListenerLogSink(listener).warn(message);
    }

    /**
     * Runs {@code task} on the current node, in the workspace, masking {@code secrets} and the Docker host's own. The
     * engine's failures (they say what to change) become {@link AbortException}s: the build shows just their message.
     * The node is remembered for the build's final cleanup.
     */
    <R extends Serializable> R onAgent(AgentTask<R> task, Collection<String> secrets) throws IOException, InterruptedException {
        nodes.record(target.runId(), workspace.getChannel(), env);
        try {
            return services.inWorkspace(run, workspace, listener, target, secrets, task);
        } catch (DockerCiException e) {
            throw StepFailures.abort(e);
        } catch (AgentFailure e) {
            throw StepFailures.fromAgent(e);
        }
    }
}
