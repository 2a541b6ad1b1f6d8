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
import io.jenkins.plugins.dockerci.action.PushRecord;
import io.jenkins.plugins.dockerci.agent.AgentFailure;
import io.jenkins.plugins.dockerci.config.FormPermissions;
import io.jenkins.plugins.dockerci.config.RegistryEndpoint;
import io.jenkins.plugins.dockerci.config.RegistryLogin;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.image.ImageReference;
import io.jenkins.plugins.dockerci.params.DockerCiAction;
import io.jenkins.plugins.dockerci.params.EngineTarget;
import io.jenkins.plugins.dockerci.params.FormText;
import io.jenkins.plugins.dockerci.params.ParameterChecks;
import io.jenkins.plugins.dockerci.params.PushOutcome;
import io.jenkins.plugins.dockerci.params.PushSettings;
import io.jenkins.plugins.dockerci.params.PushTask;
import io.jenkins.plugins.dockerci.params.StepFailures;
import io.jenkins.plugins.dockerci.params.StepServices;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Tags an image (by default the one this build built) with target references and pushes them ({@code dockerPush});
 * the pushed references and their digests are recorded in the build.
 */
public class DockerPushStep extends Builder implements SimpleBuildStep {

    private final String tags;
    private String image;
    private RegistryEndpoint registry;
    private int retries = PushSettings.DEFAULT_RETRIES;

    /** @param tags target references, one per line; {@code ${BUILD_NUMBER}}-style variables are expanded */
    @DataBoundConstructor
    public DockerPushStep(String tags) {
        this.tags = tags == null ? "" : tags.trim();
    }

    public String getTags() {
        return tags;
    }

    public String getImage() {
        return image;
    }

    @DataBoundSetter
    public void setImage(String image) {
        this.image = FormText.blankToNull(image);
    }

    public RegistryEndpoint getRegistry() {
        return registry;
    }

    /** The registry and its credentials (docker-commons' {@code url} + {@code credentialsId}); {@code null} for none. */
    @DataBoundSetter
    public void setRegistry(RegistryEndpoint registry) {
        this.registry = registry;
    }

    public int getRetries() {
        return retries;
    }

    @DataBoundSetter
    public void setRetries(int retries) {
        ParameterChecks.retries(retries).ifPresent(problem -> {
            throw new IllegalArgumentException("dockerPush.retries: " + problem);
        });
        this.retries = retries;
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
            String source = image != null ? env.expand(image) : DockerCiAction.builtImage(run);
            List<String> targets = FormText.list(env.expand(tags));
            RegistryLogin login = registry != null
                    ? services.registryLogin(env.expand(registry.getUrl()), registry.getCredentialsId(), run).orElse(null)
                    : services.registryLogin(commonRegistry(targets), null, run).orElse(null);
            PushSettings settings = new PushSettings(source, targets, login, retries);
            EngineTarget engine = services.target(run, env);
            PushOutcome outcome = services.inWorkspace(run, workspace, listener, engine, settings.secrets(),
                    new PushTask(engine, settings));
            BuildSummaryAction.of(run).add(PushRecord.listOf(outcome));
        } catch (DockerCiException e) {
            throw StepFailures.abort(e);
        } catch (AgentFailure e) {
            throw StepFailures.fromAgent(e);
        }
    }

    /**
     * The registry all targets go to, for finding its login in the global registry list when the step names none;
     * {@code null} when they go to several registries or to Docker Hub (anonymous, unless the step names one).
     */
    private static String commonRegistry(List<String> targets) {
        Set<String> domains = new HashSet<>();
        for (String target : targets) {
            domains.add(ImageReference.parse(target).domain());
        }
        return domains.size() == 1 && !domains.contains(ImageReference.DOCKER_HUB) ? domains.iterator().next() : null;
    }

    /** The {@code dockerPush} step: applicable to every job type. */
    @Extension
    @Symbol("dockerPush")
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return "Push a Docker image";
        }

        @POST
        public FormValidation doCheckTags(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> value == null || value.isBlank()
                    ? Optional.of("Give at least one target reference, e.g. registry.example.com/team/app:${BUILD_NUMBER}")
                    : ParameterChecks.references(value));
        }

        @POST
        public FormValidation doCheckImage(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> ParameterChecks.image(value));
        }

        @POST
        public FormValidation doCheckRetries(@AncestorInPath Item item, @QueryParameter int value) {
            return FormPermissions.canConfigureThen(item, () -> ParameterChecks.retries(value));
        }
    }
}
