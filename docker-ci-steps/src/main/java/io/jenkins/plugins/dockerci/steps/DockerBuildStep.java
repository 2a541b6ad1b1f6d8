package io.jenkins.plugins.dockerci.steps;

import hudson.AbortException;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.config.BuildSecretResolver;
import io.jenkins.plugins.dockerci.config.FormPermissions;
import io.jenkins.plugins.dockerci.config.RegistryEndpoint;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.build.BuildRequest;
import io.jenkins.plugins.dockerci.engine.build.BuilderChoice;
import io.jenkins.plugins.dockerci.params.BuildOutcome;
import io.jenkins.plugins.dockerci.params.BuildSecretValue;
import io.jenkins.plugins.dockerci.params.BuildSettings;
import io.jenkins.plugins.dockerci.params.BuildTask;
import io.jenkins.plugins.dockerci.params.ParameterChecks;
import io.jenkins.plugins.dockerci.params.StepRun;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code def image = dockerBuild(tags: ["app:${env.BUILD_NUMBER}"], buildArgs: [VERSION: '1.2'])}: builds an image
 * from a Dockerfile in the workspace and returns {@code [id: 'sha256:…', tags: [...], builder: 'buildkit']}. The freestyle build step
 * "Build a Docker image" holds one of these as its parameters.
 */
public final class DockerBuildStep extends Step {

    /** The step's function name. */
    public static final String FUNCTION = "dockerBuild";

    private String context = BuildSettings.DEFAULT_CONTEXT;
    private String dockerfile;
    private List<String> tags = List.of();
    private List<NameValue> buildArgs = List.of();
    private String target;
    private List<NameValue> labels = List.of();
    private boolean pull;
    private boolean noCache;
    private List<String> cacheFrom = List.of();
    private BuilderChoice builder;
    private String platform;
    private List<BuildSecretParameters> secrets = List.of();
    private String timeout;
    private RegistryEndpoint registry;

    @DataBoundConstructor
    public DockerBuildStep() {
        // every parameter is optional: the defaults build ./Dockerfile in the workspace
    }

    /** The build context, relative to the workspace. */
    public String getContext() {
        return context;
    }

    @DataBoundSetter
    public void setContext(String context) {
        this.context = Texts.orDefault(context, BuildSettings.DEFAULT_CONTEXT);
    }

    /** The Dockerfile, relative to the context; {@code null} for {@code Dockerfile} in it. */
    public String getDockerfile() {
        return dockerfile;
    }

    @DataBoundSetter
    public void setDockerfile(String dockerfile) {
        this.dockerfile = Texts.blankToNull(dockerfile);
    }

    /** References to tag the image with. */
    public List<String> getTags() {
        return tags;
    }

    @DataBoundSetter
    public void setTags(List<String> tags) {
        this.tags = Texts.items(tags);
    }

    /** {@code --build-arg} values ({@code [NAME: 'value']} in a Jenkinsfile). */
    public List<NameValue> getBuildArgs() {
        return buildArgs;
    }

    @DataBoundSetter
    public void setBuildArgs(List<NameValue> buildArgs) {
        this.buildArgs = Texts.copy(buildArgs);
    }

    /** The stage of a multi-stage Dockerfile, or {@code null} for the last. */
    public String getTarget() {
        return target;
    }

    @DataBoundSetter
    public void setTarget(String target) {
        this.target = Texts.blankToNull(target);
    }

    /** Extra image labels ({@code [key: 'value']} in a Jenkinsfile). */
    public List<NameValue> getLabels() {
        return labels;
    }

    @DataBoundSetter
    public void setLabels(List<NameValue> labels) {
        this.labels = Texts.copy(labels);
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

    /** Images to use as cache sources. */
    public List<String> getCacheFrom() {
        return cacheFrom;
    }

    @DataBoundSetter
    public void setCacheFrom(List<String> cacheFrom) {
        this.cacheFrom = Texts.items(cacheFrom);
    }

    /** Which of the engine's builders builds the image; {@code null} for {@code auto} (BuildKit when the engine has it). */
    public BuilderChoice getBuilder() {
        return builder;
    }

    @DataBoundSetter
    public void setBuilder(BuilderChoice builder) {
        this.builder = builder == BuilderChoice.AUTO ? null : builder;
    }

    /** The platform to build for, e.g. {@code linux/arm64}; {@code null} for the Docker host's own. */
    public String getPlatform() {
        return platform;
    }

    @DataBoundSetter
    public void setPlatform(String platform) {
        this.platform = Texts.blankToNull(platform);
    }

    /** Build secrets for {@code RUN --mount=type=secret}, each from a Jenkins credential. */
    public List<BuildSecretParameters> getSecrets() {
        return secrets;
    }

    @DataBoundSetter
    public void setSecrets(List<BuildSecretParameters> secrets) {
        this.secrets = Texts.copy(secrets);
    }

    /** The limit for the whole build, e.g. {@code 30m}; {@code null} for one hour. */
    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = Texts.blankToNull(timeout);
    }

    /** A registry and credentials for the Dockerfile's base images, winning over the global list for that registry. */
    public RegistryEndpoint getRegistry() {
        return registry;
    }

    @DataBoundSetter
    public void setRegistry(RegistryEndpoint registry) {
        this.registry = registry;
    }

    /**
     * A job configuration written before a parameter existed (or by hand) leaves it out, and XStream then leaves the
     * field null: such a parameter gets its default.
     */
    private Object readResolve() {
        context = Texts.orDefault(context, BuildSettings.DEFAULT_CONTEXT);
        tags = Texts.copy(tags);
        buildArgs = Texts.copy(buildArgs);
        labels = Texts.copy(labels);
        cacheFrom = Texts.copy(cacheFrom);
        secrets = Texts.copy(secrets);
        return this;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, this);
    }

    /**
     * Builds the image on the node holding the workspace and records it for the build page and later steps.
     *
     * @throws AbortException naming the parameter that is wrong, or saying why the build failed
     */
    public BuildOutcome perform(StepRun run) throws IOException, InterruptedException {
        run.withRegistry(registry);
        BuildSettings settings = settings(run);
        BuildOutcome built = run.onAgent(new BuildTask(run.target(), settings), settings.maskedTexts());
        run.recordBuiltImage(built);
        return built;
    }

    /**
     * What to build, with revision and source from the build's {@code GIT_COMMIT}/{@code GIT_URL} and the secrets'
     * values from the build's credentials.
     */
    BuildSettings settings(StepRun run) throws IOException, InterruptedException {
        List<BuildSecretValue> secretValues = BuildSecretResolver.resolve(run.run(), secrets);
        try {
            return BuildSettings.builder()
                    .context(run.expand(context))
                    .dockerfile(run.expand(dockerfile))
                    .tags(run.expand(tags))
                    .buildArgs(ParameterChecks.environment(run, buildArgs, FUNCTION + ".buildArgs"))
                    .target(run.expand(target))
                    .labels(ParameterChecks.environment(run, labels, FUNCTION + ".labels"))
                    .scm(run.env())
                    .pull(pull)
                    .noCache(noCache)
                    .cacheFrom(run.expand(cacheFrom))
                    .platform(run.expand(platform))
                    .builder(builder)
                    .secrets(secretValues)
                    .timeout(ParameterChecks.parseDuration(run.expand(timeout), FUNCTION + ".timeout", BuildRequest.DEFAULT_TIMEOUT))
                    .build();
        } catch (InvalidRequestException e) {
            throw Steps.invalid(FUNCTION, e);
        }
    }

    /** Builds on the agent and returns {@code [id:, tags:, builder:]}. */
    static final class Execution extends DockerStepExecution<Map<String, Object>> {

        private static final long serialVersionUID = 1L;

        private final transient DockerBuildStep step;

        Execution(StepContext context, DockerBuildStep step) {
            super(context, FUNCTION);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            BuildOutcome built = step.perform(stepRun());
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("id", built.imageId());
            result.put("tags", new ArrayList<>(built.tags()));
            result.put("builder", built.builder());
            return result;
        }
    }

    /** {@code dockerBuild}: Pipeline, the Snippet Generator and the freestyle build step's form. */
    @Extension
    public static final class DescriptorImpl extends DockerStepDescriptor {

        public DescriptorImpl() {
            super(FUNCTION, ParameterSyntax.none().maps("buildArgs", "labels").items("tags", "cacheFrom").lowerCaseChoices("builder"));
        }

        @Override
        public String getDisplayName() {
            return Messages.DockerBuildStep_displayName();
        }

        @POST
        public FormValidation doCheckContext(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> ParameterChecks.relativePath(value, FUNCTION + ".context"));
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
            return FormPermissions.canConfigureThen(item, () -> ParameterChecks.assignments(value, FUNCTION + ".labels"));
        }

        @POST
        public ListBoxModel doFillBuilderItems() {
            ListBoxModel items = new ListBoxModel();
            for (BuilderChoice choice : BuilderChoice.values()) {
                items.add(choice.parameterValue(), choice == BuilderChoice.AUTO ? "" : choice.name());
            }
            return items;
        }

        @POST
        public FormValidation doCheckPlatform(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> ParameterChecks.platform(value));
        }

        @POST
        public FormValidation doCheckTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> ParameterChecks.duration(value, FUNCTION + ".timeout"));
        }
    }
}
