package io.jenkins.plugins.dockerci.steps;

import hudson.AbortException;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.action.PushRecord;
import io.jenkins.plugins.dockerci.config.FormPermissions;
import io.jenkins.plugins.dockerci.config.RegistryEndpoint;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.params.ParameterChecks;
import io.jenkins.plugins.dockerci.params.PushOutcome;
import io.jenkins.plugins.dockerci.params.PushSettings;
import io.jenkins.plugins.dockerci.params.PushTask;
import io.jenkins.plugins.dockerci.params.StepRun;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code dockerPush(tags: ['registry.example.com/team/app:1'], registry: [url: 'https://registry.example.com',
 * credentialsId: 'reg'])}: tags a local image (by default the one built earlier in this branch of the build) and
 * pushes it, returning {@code [[reference: '…', digest: 'sha256:…'], …]}. The freestyle build step "Push a Docker
 * image" holds one of these as its parameters.
 */
public final class DockerPushStep extends Step {

    /** The step's function name. */
    public static final String FUNCTION = "dockerPush";
    /** The default of {@code retries}. */
    public static final int DEFAULT_RETRIES = PushSettings.DEFAULT_RETRIES;

    private final List<String> tags;
    private String image;
    private RegistryEndpoint registry;
    private int retries = DEFAULT_RETRIES;

    /** @param tags the references to push; required */
    @DataBoundConstructor
    public DockerPushStep(List<String> tags) {
        this.tags = Texts.items(tags);
    }

    /** The references to push. */
    public List<String> getTags() {
        return tags;
    }

    /** The local image to push, or {@code null} for the one built earlier. */
    public String getImage() {
        return image;
    }

    @DataBoundSetter
    public void setImage(String image) {
        this.image = Texts.blankToNull(image);
    }

    /** The registry to log in to and its credentials, or {@code null} for those configured for the targets' registry. */
    public RegistryEndpoint getRegistry() {
        return registry;
    }

    @DataBoundSetter
    public void setRegistry(RegistryEndpoint registry) {
        this.registry = registry;
    }

    /** Attempts for transient failures (1 = no retry). */
    public int getRetries() {
        return retries;
    }

    @DataBoundSetter
    public void setRetries(int retries) {
        this.retries = retries;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, this);
    }

    /**
     * Pushes to every target and records the references on the build page. Each target's registry gets the step's own
     * credentials if it is the step's {@code registry}, else those configured for it globally, else none.
     *
     * @return what each registry accepted, in the order of the targets
     * @throws AbortException when a parameter is wrong, a named credential is unusable or a registry refused the push
     */
    public List<PushOutcome.Pushed> perform(StepRun run) throws IOException, InterruptedException {
        PushSettings settings = settings(run.withRegistry(registry));
        PushOutcome outcome = run.onAgent(new PushTask(run.target(), settings), List.of());
        run.summary().add(PushRecord.listOf(outcome));
        return outcome.pushed();
    }

    /** What to push where. */
    PushSettings settings(StepRun run) throws AbortException {
        List<String> targets = run.expand(tags);
        if (targets.isEmpty()) {
            throw new AbortException(Messages.DockerPushStep_noTags(FUNCTION));
        }
        if (retries < 1) {
            throw new AbortException(Messages.DockerPushStep_retries(FUNCTION, retries));
        }
        String source = image == null ? run.defaultImage() : run.expand(image);
        try {
            if (registry != null) {
                ParameterChecks.registryUrl(run.expand(registry.getUrl())).ifPresent(problem -> {
                    throw new InvalidRequestException(FUNCTION + ".registry.url: " + problem);
                });
            }
            return new PushSettings(source, targets, retries);
        } catch (InvalidRequestException e) {
            throw Steps.invalid(FUNCTION, e);
        }
    }

    /** Pushes and returns the references with their digests. */
    static final class Execution extends DockerStepExecution<List<Map<String, String>>> {

        private static final long serialVersionUID = 1L;

        private final transient DockerPushStep step;

        Execution(StepContext context, DockerPushStep step) {
            super(context, FUNCTION);
            this.step = step;
        }

        @Override
        protected List<Map<String, String>> run() throws Exception {
            List<Map<String, String>> result = new ArrayList<>();
            for (PushOutcome.Pushed pushed : step.perform(stepRun())) {
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("reference", pushed.reference());
                entry.put("digest", pushed.digest());
                result.add(entry);
            }
            return result;
        }
    }

    /** {@code dockerPush}: Pipeline, the Snippet Generator and the freestyle build step's form. */
    @Extension
    public static final class DescriptorImpl extends DockerStepDescriptor {

        public DescriptorImpl() {
            super(FUNCTION, ParameterSyntax.none().items("tags"));
        }

        @Override
        public String getDisplayName() {
            return Messages.DockerPushStep_displayName();
        }

        @POST
        public FormValidation doCheckTags(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> value == null || value.isBlank()
                    ? Optional.of(Messages.DockerPushStep_noTags(FUNCTION)) : ParameterChecks.references(value));
        }

        @POST
        public FormValidation doCheckImage(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> ParameterChecks.image(value));
        }

        @POST
        public FormValidation doCheckRetries(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> ParameterChecks.atLeastOne(value, FUNCTION + ".retries"));
        }
    }
}
