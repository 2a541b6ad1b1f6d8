package io.jenkins.plugins.dockerci.pipeline;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import io.jenkins.plugins.dockerci.action.ImageRecord;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.build.BuildRequest;
import io.jenkins.plugins.dockerci.params.StepServices;
import io.jenkins.plugins.dockerci.params.BuildOutcome;
import io.jenkins.plugins.dockerci.params.BuildSettings;
import io.jenkins.plugins.dockerci.params.BuildTask;
import io.jenkins.plugins.dockerci.params.ParameterChecks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code def image = dockerBuild(tags: ["app:${env.BUILD_NUMBER}"])}: builds an image from a Dockerfile in the
 * workspace of the current node and returns {@code [id: 'sha256:…', tags: [...]]}.
 */
public final class DockerBuildStep extends Step {

    static final String FUNCTION = "dockerBuild";

    private String context = ".";
    private String dockerfile;
    private List<String> tags = new ArrayList<>();
    private Map<String, String> buildArgs = new TreeMap<>();
    private String target;
    private Map<String, String> labels = new TreeMap<>();
    private boolean pull;
    private boolean noCache;
    private List<String> cacheFrom = new ArrayList<>();
    private String timeout = "1h";

    @DataBoundConstructor
    public DockerBuildStep() {
    }

    public String getContext() {
        return context;
    }

    @DataBoundSetter
    public void setContext(String context) {
        this.context = StepValues.orDefault(context, ".");
    }

    public String getDockerfile() {
        return dockerfile;
    }

    @DataBoundSetter
    public void setDockerfile(String dockerfile) {
        this.dockerfile = StepValues.orNull(dockerfile);
    }

    public List<String> getTags() {
        return tags;
    }

    @DataBoundSetter
    public void setTags(Object tags) {
        this.tags = StepValues.list(tags);
    }

    public Map<String, String> getBuildArgs() {
        return buildArgs;
    }

    @DataBoundSetter
    public void setBuildArgs(Object buildArgs) {
        this.buildArgs = StepValues.map(buildArgs, FUNCTION + ".buildArgs");
    }

    public String getTarget() {
        return target;
    }

    @DataBoundSetter
    public void setTarget(String target) {
        this.target = StepValues.orNull(target);
    }

    public Map<String, String> getLabels() {
        return labels;
    }

    @DataBoundSetter
    public void setLabels(Object labels) {
        this.labels = StepValues.map(labels, FUNCTION + ".labels");
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

    public List<String> getCacheFrom() {
        return cacheFrom;
    }

    @DataBoundSetter
    public void setCacheFrom(Object cacheFrom) {
        this.cacheFrom = StepValues.list(cacheFrom);
    }

    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = StepValues.orDefault(timeout, "1h");
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, this, StepServices.jenkins(), DockerNodes.get());
    }

    /**
     * What to build, with revision and source from the build's {@code GIT_COMMIT}/{@code GIT_URL}.
     *
     * @throws AbortException naming the parameter that is wrong; nothing has been sent to Docker
     */
    BuildSettings settings(EnvVars env) throws AbortException {
        try {
            return BuildSettings.builder()
                    .context(context)
                    .dockerfile(dockerfile)
                    .tags(tags)
                    .buildArgs(buildArgs)
                    .target(target)
                    .labels(labels)
                    .scm(env)
                    .pull(pull)
                    .noCache(noCache)
                    .cacheFrom(cacheFrom)
                    .timeout(ParameterChecks.parseDuration(timeout, FUNCTION + ".timeout", BuildRequest.DEFAULT_TIMEOUT))
                    .build();
        } catch (InvalidRequestException e) {
            throw new AbortException(FUNCTION + ": " + e.getMessage());
        }
    }

    /** Builds on the agent, records the image on the build page and returns {@code [id:, tags:]}. */
    static final class Execution extends BackgroundStepExecution<Map<String, Object>> {

        private static final long serialVersionUID = 1L;

        private final transient DockerBuildStep step;

        Execution(StepContext context, DockerBuildStep step, StepServices services, DockerNodes nodes) {
            super(context, FUNCTION, services, nodes);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepRun run = stepRun();
            BuildOutcome built = run.onAgent(new BuildTask(run.target(), step.settings(run.env())), List.of());
            run.summary().add(new ImageRecord(built.imageId(), built.tags(), Duration.ofMillis(built.durationMillis())));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("id", built.imageId());
            result.put("tags", new ArrayList<>(built.tags()));
            return result;
        }
    }

    /** {@code dockerBuild} in Pipeline and the snippet generator. */
    @Extension
    public static final class DescriptorImpl extends NodeStepDescriptor {

        public DescriptorImpl() {
            super(FUNCTION, "Build a Docker image");
        }
    }
}
