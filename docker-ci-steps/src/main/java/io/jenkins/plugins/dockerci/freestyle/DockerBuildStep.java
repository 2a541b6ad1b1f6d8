package io.jenkins.plugins.dockerci.freestyle;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import io.jenkins.plugins.dockerci.action.BuildSummaryAction;
import io.jenkins.plugins.dockerci.action.ImageRecord;
import io.jenkins.plugins.dockerci.agent.AgentFailure;
import io.jenkins.plugins.dockerci.config.FormPermissions;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.log.TaskListenerLogSink;
import io.jenkins.plugins.dockerci.params.BuildOutcome;
import io.jenkins.plugins.dockerci.params.BuildSettings;
import io.jenkins.plugins.dockerci.params.BuildTask;
import io.jenkins.plugins.dockerci.params.DockerCiAction;
import io.jenkins.plugins.dockerci.params.EngineTarget;
import io.jenkins.plugins.dockerci.params.FormText;
import io.jenkins.plugins.dockerci.params.ParameterChecks;
import io.jenkins.plugins.dockerci.params.StepFailures;
import io.jenkins.plugins.dockerci.params.StepServices;
import java.io.IOException;
import java.util.List;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Builds an image from a Dockerfile in the workspace ({@code dockerBuild}); later steps find its id in
 * {@value DockerCiAction#IMAGE_VARIABLE} and use it as their default image.
 */
public class DockerBuildStep extends Builder implements SimpleBuildStep {

    private String context = BuildSettings.DEFAULT_CONTEXT;
    private String dockerfile;
    private String tags;
    private String buildArgs;
    private String target;
    private String labels;
    private boolean pull;
    private boolean noCache;
    private String cacheFrom;
    private String timeout;

    @DataBoundConstructor
    public DockerBuildStep() {
        // every parameter is optional: the defaults build ./Dockerfile in the workspace
    }

    public String getContext() {
        return context;
    }

    @DataBoundSetter
    public void setContext(String context) {
        this.context = context == null || context.isBlank() ? BuildSettings.DEFAULT_CONTEXT : context.trim();
    }

    public String getDockerfile() {
        return dockerfile;
    }

    @DataBoundSetter
    public void setDockerfile(String dockerfile) {
        this.dockerfile = FormText.blankToNull(dockerfile);
    }

    public String getTags() {
        return tags;
    }

    /** References to tag the image with, one per line. */
    @DataBoundSetter
    public void setTags(String tags) {
        this.tags = FormText.blankToNull(tags);
    }

    public String getBuildArgs() {
        return buildArgs;
    }

    /** {@code NAME=value} lines. */
    @DataBoundSetter
    public void setBuildArgs(String buildArgs) {
        this.buildArgs = FormText.blankToNull(buildArgs);
    }

    public String getTarget() {
        return target;
    }

    @DataBoundSetter
    public void setTarget(String target) {
        this.target = FormText.blankToNull(target);
    }

    public String getLabels() {
        return labels;
    }

    /** {@code key=value} lines. */
    @DataBoundSetter
    public void setLabels(String labels) {
        this.labels = FormText.blankToNull(labels);
    }

    public boolean isPull() {
        return pull;
    }

    @DataBoundSetter
    public void setPull(boolean pull) {
        this.pull = pull;
    }

    public boolean isNoCache() {
        return noCache;
    }

    @DataBoundSetter
    public void setNoCache(boolean noCache) {
        this.noCache = noCache;
    }

    public String getCacheFrom() {
        return cacheFrom;
    }

    /** Cache source images, one per line. */
    @DataBoundSetter
    public void setCacheFrom(String cacheFrom) {
        this.cacheFrom = FormText.blankToNull(cacheFrom);
    }

    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = FormText.blankToNull(timeout);
    }

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        perform(run, workspace, env, listener, StepServices.jenkins());
    }

    /** Runs the step with the given services (Jenkins' own in {@link #perform(Run, FilePath, EnvVars, Launcher, TaskListener)}). */
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, TaskListener listener, StepServices services)
            throws InterruptedException, IOException {
        try {
            BuildSettings settings = settings(env);
            EngineTarget engine = services.target(run, env);
            BuildOutcome outcome = services.inWorkspace(run, workspace, listener, engine, List.of(),
                    new BuildTask(engine, settings));
            DockerCiAction.of(run).recordBuild(outcome);
            BuildSummaryAction.of(run).add(ImageRecord.of(outcome));
            listener.getLogger().println(TaskListenerLogSink.PREFIX + DockerCiAction.IMAGE_VARIABLE + "=" + outcome.imageId()
                    + " for the next steps of this build");
        } catch (DockerCiException e) {
            throw StepFailures.abort(e);
        } catch (AgentFailure e) {
            throw StepFailures.fromAgent(e);
        }
    }

    /** The settings of this step in a build with environment {@code env}. */
    BuildSettings settings(EnvVars env) {
        return BuildSettings.builder()
                .context(env.expand(context))
                .dockerfile(env.expand(dockerfile))
                .tags(FormText.list(env.expand(tags)))
                .buildArgs(FormText.assignments(env.expand(buildArgs), "dockerBuild.buildArgs"))
                .target(env.expand(target))
                .labels(FormText.assignments(env.expand(labels), "dockerBuild.labels"))
                .scm(env)
                .pull(pull)
                .noCache(noCache)
                .cacheFrom(FormText.list(env.expand(cacheFrom)))
                .timeout(ParameterChecks.parseDuration(env.expand(timeout), "dockerBuild.timeout", null))
                .build();
    }

    /** The {@code dockerBuild} step: applicable to every job type. */
    @Extension
    @Symbol("dockerBuild")
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return "Build a Docker image";
        }

        @POST
        public FormValidation doCheckTags(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> ParameterChecks.references(value));
        }

        @POST
        public FormValidation doCheckCacheFrom(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> ParameterChecks.references(value));
        }

        @POST
        public FormValidation doCheckBuildArgs(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> ParameterChecks.buildArgs(value));
        }

        @POST
        public FormValidation doCheckLabels(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> ParameterChecks.assignments(value, "dockerBuild.labels"));
        }

        @POST
        public FormValidation doCheckTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> ParameterChecks.duration(value, "dockerBuild.timeout"));
        }
    }
}
