package io.jenkins.plugins.dockerci.params;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Computer;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.action.BuildSummaryAction;
import io.jenkins.plugins.dockerci.action.DockerEnginesAction;
import io.jenkins.plugins.dockerci.action.EngineRecord;
import io.jenkins.plugins.dockerci.action.ImageRecord;
import io.jenkins.plugins.dockerci.agent.AgentFailure;
import io.jenkins.plugins.dockerci.agent.AgentRunner;
import io.jenkins.plugins.dockerci.agent.AgentTask;
import io.jenkins.plugins.dockerci.cleanup.RunLedgers;
import io.jenkins.plugins.dockerci.config.DockerCiConfiguration;
import io.jenkins.plugins.dockerci.config.RegistryEndpoint;
import io.jenkins.plugins.dockerci.config.RegistryLoginResolver;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.host.DockerHostResolver;
import io.jenkins.plugins.dockerci.identity.JenkinsIdentity;
import io.jenkins.plugins.dockerci.identity.RunIds;
import io.jenkins.plugins.dockerci.log.TaskListenerLogSink;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * One step's view of its build, the same for a freestyle build step and a Pipeline step: the build, its console, the
 * workspace (on the node that holds it), the environment and the Docker engine, resolved on the controller.
 *
 * <p>The two differ in three ways only, all decided here: a freestyle step expands {@code ${VARIABLE}}s of the build
 * in its text parameters (Groovy has already done that in a Jenkinsfile); a Pipeline step's default image is the one
 * built last in its own parallel branch (or before the branches started), a freestyle step's the one in
 * {@value DockerCiAction#IMAGE_VARIABLE}; and only a freestyle step sets that variable.
 */
public final class StepRun {

    private final Run<?, ?> run;
    private final TaskListener listener;
    private final FilePath workspace;
    private final EnvVars env;
    private final String function;
    private final FlowNode node;
    private final PipelineBranch branch;
    private RegistryEndpoint registry;
    private EngineTarget target;

    private StepRun(Run<?, ?> run, TaskListener listener, FilePath workspace, EnvVars env, String function, FlowNode node,
                    PipelineBranch branch) {
        this.run = run;
        this.listener = listener;
        this.workspace = workspace;
        this.env = env == null ? new EnvVars() : env;
        this.function = function;
        this.node = node;
        this.branch = branch;
    }

    /** A freestyle build step's view. */
    public static StepRun freestyle(Run<?, ?> run, FilePath workspace, EnvVars env, TaskListener listener, String function) {
        return new StepRun(run, listener, workspace, env, function, null, null);
    }

    /**
     * A Pipeline step's view.
     *
     * @throws AbortException when the step runs outside {@code node { }} (Pipeline normally says so before starting it)
     */
    public static StepRun pipeline(StepContext context, String function) throws IOException, InterruptedException {
        FilePath workspace = context.get(FilePath.class);
        if (workspace == null) {
            throw new AbortException(Messages.DockerStepExecution_noWorkspace(function));
        }
        FlowNode node = context.get(FlowNode.class);
        return new StepRun(context.get(Run.class), context.get(TaskListener.class), workspace, context.get(EnvVars.class),
                function, node, PipelineBranch.of(node));
    }

    /** The step's function name, which every message of the step starts with. */
    public String function() {
        return function;
    }

    public Run<?, ?> run() {
        return run;
    }

    public TaskListener listener() {
        return listener;
    }

    public EnvVars env() {
        return env;
    }

    public FilePath workspace() {
        return workspace;
    }

    /** Whether this is a Pipeline step (its caller wants a return value). */
    public boolean isPipeline() {
        return branch != null;
    }

    /** A text parameter as the step uses it: a freestyle step expands the build's variables in it. */
    public String expand(String text) {
        return text == null || isPipeline() ? text : env.expand(text);
    }

    /** Each text of a list parameter as the step uses it. */
    public List<String> expand(List<String> texts) {
        List<String> expanded = new ArrayList<>(texts.size());
        texts.forEach(text -> expanded.add(expand(text)));
        return expanded;
    }

    /**
     * The step's own registry and credentials, which win over the global list for that registry; call before
     * {@link #target()}.
     */
    public StepRun withRegistry(RegistryEndpoint stepRegistry) {
        this.registry = stepRegistry == null ? null : new RegistryEndpoint(expand(stepRegistry.getUrl()), stepRegistry.getCredentialsId());
        return this;
    }

    /**
     * The engine, identity and registry logins of every agent task of this step.
     *
     * @throws AbortException when the Docker host's or the step's own credentials are unusable
     */
    public EngineTarget target() throws IOException {
        if (target == null) {
            DockerCiConfiguration configuration = DockerCiConfiguration.get();
            target = new EngineTarget(new DockerHostResolver(configuration).resolve(run, env), JenkinsIdentity.ownerId(),
                    RunIds.of(run), new RegistryLoginResolver(configuration).forRun(run, registry, this::warn));
        }
        return target;
    }

    /**
     * Runs {@code task} on the node holding the workspace, recording into the build's ledger of that node's engine
     * and masking {@code secrets} (and the Docker host's TLS key) in the console. The engine is added to the build's
     * engines (saved) before the task starts, so cleanup finds it whatever happens next. The engine's failures
     * already say what to change, so the build shows just their message.
     */
    public <R extends Serializable> R onAgent(AgentTask<R> task, Collection<String> secrets)
            throws IOException, InterruptedException {
        EngineTarget engine = target();
        int position = DockerEnginesAction.of(run).register(run, engine());
        List<String> masked = new ArrayList<>(secrets);
        masked.addAll(engine.secrets());
        try {
            return new AgentRunner(listener, masked, RunLedgers.get().open(run, position, engine.run()))
                    .inWorkspace(workspace, task);
        } catch (DockerCiException e) {
            throw new AbortException(e.getMessage());
        } catch (AgentFailure e) {
            throw e.isEngineFailure() ? new AbortException(e.getMessage()) : e;
        }
    }

    /** The Docker engine this step's work uses, as the build records it. */
    public EngineRecord engine() throws IOException {
        Computer computer = workspace.toComputer();
        return EngineRecord.of(computer == null ? "" : computer.getName(), target().host());
    }

    /** The build page's summary of this build. */
    public BuildSummaryAction summary() {
        return BuildSummaryAction.of(run);
    }

    /**
     * The image a step uses when it names none: in Pipeline the one built last in this branch (or before the
     * branches started), so parallel branches never take each other's image; in freestyle the one built last.
     *
     * @throws AbortException when there is none, saying what to do
     */
    public String defaultImage() throws AbortException {
        String image = null;
        if (isPipeline()) {
            for (ImageRecord built : summary().getImages()) {
                if (branch.sees(built.getBranch())) {
                    image = built.getImageId();
                }
            }
        } else {
            image = DockerCiAction.builtImage(run);
        }
        if (image == null) {
            throw new AbortException(Messages.StepRun_noImage(function));
        }
        return image;
    }

    /** Records an image this step built: on the build page, and as the default image of later steps. */
    public void recordBuiltImage(BuildOutcome built) {
        summary().add(ImageRecord.of(built, isPipeline() ? branch.key() : null));
        if (!isPipeline()) {
            DockerCiAction.of(run).recordBuild(built);
            log(Messages.StepRun_imageVariable(DockerCiAction.IMAGE_VARIABLE, built.imageId()));
        }
    }

    /**
     * Marks the build UNSTABLE (in Pipeline, the step's stage too, as the {@code unstable} step does) and says why.
     */
    public void markUnstable(String message) {
        run.setResult(Result.UNSTABLE);
        if (node != null) {
            node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(message));
        }
        warn(message);
    }

    /** Writes one engine-style line to the build console. */
    public void log(String message) {
        new TaskListenerLogSink(listener).info(message);
    }

    /** Writes one engine-style warning to the build console. */
    public void warn(String message) {
        new TaskListenerLogSink(listener).warn(message);
    }
}
