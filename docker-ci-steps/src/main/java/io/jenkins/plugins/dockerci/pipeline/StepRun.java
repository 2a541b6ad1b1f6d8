package io.jenkins.plugins.dockerci.pipeline;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.dockerci.action.DockerCiAction;
import io.jenkins.plugins.dockerci.agent.AgentRunner;
import io.jenkins.plugins.dockerci.agent.AgentTask;
import io.jenkins.plugins.dockerci.config.RegistryLoginResolver;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import io.jenkins.plugins.dockerci.host.DockerHostResolver;
import io.jenkins.plugins.dockerci.host.DockerHostSpec;
import io.jenkins.plugins.dockerci.log.TaskListenerLogSink;
import io.jenkins.plugins.dockerci.params.EngineTarget;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * One step execution's view of its build, resolved on the controller: the build, its console, the workspace of the
 * current {@code node}, its environment, its identity and ledger, and the Docker host to use.
 */
final class StepRun {

    private final Run<?, ?> run;
    private final TaskListener listener;
    private final FilePath workspace;
    private final EnvVars env;
    private final BuildServices services;
    private final RunContext runContext;
    private final ResourceTracker ledger;
    private final DockerHostSpec host;

    private StepRun(Run<?, ?> run, TaskListener listener, FilePath workspace, EnvVars env, BuildServices services)
            throws IOException {
        this.run = run;
        this.listener = listener;
        this.workspace = workspace;
        this.env = env;
        this.services = services;
        this.runContext = services.runContext(run);
        this.ledger = services.ledger(run, runContext);
        this.host = new DockerHostResolver(services.configuration(), services.credentials()).resolve(run, env);
    }

    /**
     * Reads the step's context.
     *
     * @throws AbortException when the step runs outside {@code node { }} (Pipeline normally says so before starting it)
     */
    static StepRun of(StepContext context, BuildServices services, String functionName) throws IOException, InterruptedException {
        FilePath workspace = context.get(FilePath.class);
        if (workspace == null) {
            throw new AbortException(functionName + " needs a workspace: call it inside node { ... }.");
        }
        EnvVars env = context.get(EnvVars.class);
        return new StepRun(context.get(Run.class), context.get(TaskListener.class), workspace,
                env == null ? new EnvVars() : env, services);
    }

    Run<?, ?> run() {
        return run;
    }

    EnvVars env() {
        return env;
    }

    DockerHostSpec host() {
        return host;
    }

    RunContext runContext() {
        return runContext;
    }

    /** The engine and identity every agent task of this step carries. */
    EngineTarget engineTarget() {
        return new EngineTarget(host, runContext.ownerId(), runContext.runId());
    }

    FilePath workspace() {
        return workspace;
    }

    BuildServices services() {
        return services;
    }

    RegistryLoginResolver registryLogins() {
        return new RegistryLoginResolver(services.configuration(), services.credentials());
    }

    DockerCiAction summary() {
        return DockerCiAction.of(run);
    }

    /** Writes one engine-style line to the build console. */
    void log(String message) {
        new TaskListenerLogSink(listener).info(message);
    }

    /** Runs {@code task} on the current node, in the workspace, masking {@code secrets} and the Docker host's own. */
    <R extends Serializable> R onAgent(AgentTask<R> task, Collection<String> secrets) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(secrets);
        all.addAll(host.secrets());
        return new AgentRunner(listener, all, ledger).inWorkspace(workspace, task);
    }
}
