package io.jenkins.plugins.dockerci.freestyle;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import io.jenkins.plugins.dockerci.params.StepRun;
import java.io.IOException;
import java.util.Objects;
import jenkins.model.Jenkins;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jvnet.localizer.Localizable;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;

/**
 * A freestyle build step that runs one of the Pipeline steps: its {@code parameters} are that step, with the same
 * names, checks, help and form (the one parameter model), so freestyle and Pipeline never drift apart. A freestyle
 * step expands {@code ${VARIABLE}}s of the build in its text parameters (see {@link StepRun}).
 *
 * @param <S> the Pipeline step whose parameters this build step takes
 */
public abstract class DockerBuilder<S extends Step> extends Builder implements SimpleBuildStep {

    private final S parameters;

    protected DockerBuilder(S parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    /** The step's parameters. */
    public S getParameters() {
        return parameters;
    }

    @Override
    public final void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws IOException, InterruptedException {
        perform(parameters, StepRun.freestyle(run, workspace, env, listener, functionName()));
    }

    /** Runs the step in a freestyle build. */
    protected abstract void perform(S step, StepRun run) throws IOException, InterruptedException;

    private String functionName() {
        return ((StepDescriptor) Jenkins.get().getDescriptorOrDie(parameters.getClass())).getFunctionName();
    }

    /** The descriptor of a freestyle Docker step: applicable to every job type. */
    public abstract static class BuilderDescriptor extends BuildStepDescriptor<Builder> {

        private final Class<? extends Step> step;
        private final Localizable displayName;

        protected BuilderDescriptor(Class<? extends Step> step, Localizable displayName) {
            this.step = step;
            this.displayName = displayName;
        }

        /** The Pipeline step whose form this build step shows. */
        public StepDescriptor getStepDescriptor() {
            return (StepDescriptor) Jenkins.get().getDescriptorOrDie(step);
        }

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return displayName.toString();
        }
    }
}
