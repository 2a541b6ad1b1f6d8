package io.jenkins.plugins.dockerci.pipeline;

import hudson.Extension;
import hudson.model.TaskListener;
import io.jenkins.plugins.dockerci.action.BuildSummaryAction;
import io.jenkins.plugins.dockerci.action.CleanupRecord;
import io.jenkins.plugins.dockerci.cleanup.BuildCleanup;
import io.jenkins.plugins.dockerci.cleanup.CleanupSummary;
import io.jenkins.plugins.dockerci.cleanup.ImagePolicyText;
import io.jenkins.plugins.dockerci.config.BuiltImagePolicy;
import io.jenkins.plugins.dockerci.params.StepServices;
import java.time.Duration;
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
 * {@code dockerCleanup()}: removes every container, network and volume this build created so far, and its images as
 * the built-image policy says. Idempotent, so it belongs in {@code post { always { } }}; it never fails the build (a
 * resource that cannot be removed is a warning, and the orphan reaper removes it later). Returns
 * {@code [removed: n, alreadyGone: n, kept: n, failures: [...]]}.
 */
public final class DockerCleanupStep extends Step {

    static final String FUNCTION = "dockerCleanup";

    private BuiltImagePolicy builtImagePolicy;

    @DataBoundConstructor
    public DockerCleanupStep() {
    }

    /** {@code REMOVE}, {@code KEEP_PUSHED} or {@code KEEP}; {@code null} for the global setting. */
    public String getBuiltImagePolicy() {
        return builtImagePolicy == null ? null : builtImagePolicy.name();
    }

    /** {@code REMOVE}, {@code KEEP_PUSHED} or {@code KEEP}; blank for the global setting. */
    @DataBoundSetter
    public void setBuiltImagePolicy(String builtImagePolicy) {
        this.builtImagePolicy = ImagePolicyText.parse(builtImagePolicy);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, this, StepServices.jenkins(), DockerNodes.get());
    }

    /** Cleans up through a node that reaches the build's Docker engine and records the report on the build page. */
    static final class Execution extends BackgroundStepExecution<Map<String, Object>> {

        private static final long serialVersionUID = 1L;

        private final transient DockerCleanupStep step;

        Execution(StepContext context, DockerCleanupStep step, StepServices services, DockerNodes nodes) {
            super(context, FUNCTION, services, nodes);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepRun run = stepRun();
            long started = System.nanoTime();
            Optional<CleanupSummary> summary = new BuildCleanup(services()).clean(run.run(), run.workspace().getChannel(),
                    run.env(), step.builtImagePolicy, false, getContext().get(TaskListener.class));
            CleanupSummary report = summary.orElse(new CleanupSummary(0, 0, 0, List.of()));
            if (summary.isPresent()) {
                BuildSummaryAction.of(run.run()).add(new CleanupRecord(report.removed(), report.alreadyGone(), report.kept(),
                        report.failures(), Duration.ofNanos(System.nanoTime() - started)));
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("removed", report.removed());
            result.put("alreadyGone", report.alreadyGone());
            result.put("kept", report.kept());
            result.put("failures", new ArrayList<>(report.failures()));
            return result;
        }
    }

    /** {@code dockerCleanup} in Pipeline and the snippet generator. */
    @Extension
    public static final class DescriptorImpl extends NodeStepDescriptor {

        public DescriptorImpl() {
            super(FUNCTION, "Remove this build's Docker containers, networks, volumes and images");
        }

        /** The policies the snippet generator offers besides the global setting. */
        public BuiltImagePolicy[] getPolicies() {
            return BuiltImagePolicy.values();
        }

    }
}
