package io.jenkins.plugins.dockerci.pipeline;

import hudson.AbortException;
import hudson.Extension;
import io.jenkins.plugins.dockerci.action.ImageRecord;
import io.jenkins.plugins.dockerci.action.PushRecord;
import io.jenkins.plugins.dockerci.config.RegistryEndpoint;
import io.jenkins.plugins.dockerci.config.RegistryLogin;
import io.jenkins.plugins.dockerci.config.RegistryUrls;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.image.ImageReference;
import io.jenkins.plugins.dockerci.params.StepServices;
import io.jenkins.plugins.dockerci.params.PushOutcome;
import io.jenkins.plugins.dockerci.params.PushSettings;
import io.jenkins.plugins.dockerci.params.PushTask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code dockerPush(tags: ['registry.example.com/team/app:1'], registry: [url: 'https://registry.example.com',
 * credentialsId: 'reg'])}: tags a local image (by default the one this build built last) and pushes it, returning
 * {@code [[reference: '…', digest: 'sha256:…'], …]}.
 */
public final class DockerPushStep extends Step {

    static final String FUNCTION = "dockerPush";

    private final List<String> tags;
    private String image;
    private RegistryEndpoint registry;
    private int retries = 3;

    /** @param tags the references to push (a list, or one per line); required */
    @DataBoundConstructor
    public DockerPushStep(Object tags) {
        this.tags = StepValues.list(tags);
    }

    public List<String> getTags() {
        return tags;
    }

    public String getImage() {
        return image;
    }

    @DataBoundSetter
    public void setImage(String image) {
        this.image = StepValues.orNull(image);
    }

    public RegistryEndpoint getRegistry() {
        return registry;
    }

    @DataBoundSetter
    public void setRegistry(RegistryEndpoint registry) {
        this.registry = registry;
    }

    public int getRetries() {
        return retries;
    }

    @DataBoundSetter
    public void setRetries(int retries) {
        this.retries = retries;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, this, StepServices.jenkins(), DockerNodes.get());
    }

    /**
     * What to push, one settings per target registry (each push logs in to one registry): the image defaults to the
     * one the build built last; a registry gets this step's credentials if it is the step's {@code registry}, else
     * those configured for it globally, else none.
     *
     * @throws AbortException when a parameter is wrong or a named credential is unusable; nothing has been pushed
     */
    List<PushSettings> settings(StepRun run) throws AbortException {
        if (tags.isEmpty()) {
            throw new AbortException(FUNCTION + ": give at least one reference to push in 'tags', e.g."
                    + " tags: ['registry.example.com/team/app:1.0'].");
        }
        if (retries < 1) {
            throw new AbortException(FUNCTION + ": retries is " + retries + "; it counts attempts, so give 1 or more.");
        }
        String source = image != null ? image : lastBuiltImage(run);
        try {
            Map<String, List<String>> byRegistry = new LinkedHashMap<>();
            for (String tag : tags) {
                byRegistry.computeIfAbsent(ImageReference.parse(tag).domain(), r -> new ArrayList<>()).add(tag);
            }
            List<PushSettings> settings = new ArrayList<>();
            for (Map.Entry<String, List<String>> group : byRegistry.entrySet()) {
                String domain = group.getKey();
                Optional<RegistryLogin> login = isStepRegistry(domain)
                        ? run.services().registryLogin(registry.getUrl(), registry.getCredentialsId(), run.run())
                        : run.services().registryLogin(domain, null, run.run());
                settings.add(new PushSettings(source, group.getValue(),
                        login.map(l -> new RegistryLogin(domain, l.username(), l.password())).orElse(null), retries));
            }
            return settings;
        } catch (InvalidRequestException e) {
            throw new AbortException(FUNCTION + ": " + e.getMessage());
        }
    }

    private boolean isStepRegistry(String domain) {
        return registry != null && RegistryUrls.key(registry.getUrl()).equals(RegistryUrls.key(domain));
    }

    private static String lastBuiltImage(StepRun run) throws AbortException {
        List<ImageRecord> built = run.summary().getImages();
        if (built.isEmpty()) {
            throw new AbortException(FUNCTION + ": no 'image' given and this build has not built one yet: call dockerBuild"
                    + " first, or give image: 'name:tag' (or the id dockerBuild returned).");
        }
        return built.get(built.size() - 1).getImageId();
    }

    /** Pushes on the agent, records the references on the build page and returns them with their digests. */
    static final class Execution extends BackgroundStepExecution<List<Map<String, String>>> {

        private static final long serialVersionUID = 1L;

        private final transient DockerPushStep step;

        Execution(StepContext context, DockerPushStep step, StepServices services, DockerNodes nodes) {
            super(context, FUNCTION, services, nodes);
            this.step = step;
        }

        @Override
        protected List<Map<String, String>> run() throws Exception {
            StepRun run = stepRun();
            List<Map<String, String>> result = new ArrayList<>();
            for (PushSettings settings : step.settings(run)) {
                PushOutcome pushed = run.onAgent(new PushTask(run.target(), settings), settings.secrets());
                run.summary().add(pushed.pushed().stream().map(p -> new PushRecord(p.reference(), p.digest())).toList());
                for (PushOutcome.Pushed p : pushed.pushed()) {
                    Map<String, String> entry = new LinkedHashMap<>();
                    entry.put("reference", p.reference());
                    entry.put("digest", p.digest());
                    result.add(entry);
                }
            }
            return result;
        }
    }

    /** {@code dockerPush} in Pipeline and the snippet generator. */
    @Extension
    public static final class DescriptorImpl extends NodeStepDescriptor {

        public DescriptorImpl() {
            super(FUNCTION, "Push a Docker image to registries");
        }
    }
}
