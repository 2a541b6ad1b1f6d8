package io.jenkins.plugins.dockerci.steps;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.cleanup.BuildCleanup;
import io.jenkins.plugins.dockerci.cleanup.CleanupSummary;
import io.jenkins.plugins.dockerci.config.BuiltImagePolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code dockerCleanup()}: removes every container, network and volume this build created so far, on every Docker
 * engine it used, and its images as the policy says; returns
 * {@code [removed: n, alreadyGone: n, kept: n, cached: n, failures: [...]]}. Needs no {@code node}: the build knows its
 * engines. Never fails the build: problems are warnings. The freestyle build step "Clean up Docker resources of this
 * build so far" holds one of these as its parameters.
 */
public final class DockerCleanupStep extends Step {

    /** The step's function name. */
    public static final String FUNCTION = "dockerCleanup";

    private BuiltImagePolicy builtImagePolicy;

    @DataBoundConstructor
    public DockerCleanupStep() {
        // the image policy is optional: the global setting applies
    }

    /** The policy for built images, or {@code null} for the global setting. */
    public BuiltImagePolicy getBuiltImagePolicy() {
        return builtImagePolicy;
    }

    @DataBoundSetter
    public void setBuiltImagePolicy(BuiltImagePolicy builtImagePolicy) {
        this.builtImagePolicy = builtImagePolicy;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, this);
    }

    /**
     * Cleans every engine the build used so far; later Docker steps of the build record anew.
     *
     * @param last whether this is the build's final cleanup (a post-build action, or the Jenkinsfile's own at its end)
     */
    public List<CleanupSummary> perform(Run<?, ?> run, TaskListener listener, boolean last) {
        return BuildCleanup.clean(run, listener, builtImagePolicy, last);
    }

    /** Cleans up and returns the counts, summed over the engines. */
    static final class Execution extends DockerStepExecution<Map<String, Object>> {

        private static final long serialVersionUID = 1L;

        private final transient DockerCleanupStep step;

        Execution(StepContext context, DockerCleanupStep step) {
            super(context, FUNCTION);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            List<CleanupSummary> summaries = step.perform(getContext().get(Run.class), getContext().get(TaskListener.class),
                    false);
            List<String> failures = new ArrayList<>();
            summaries.forEach(s -> failures.addAll(s.failures()));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("removed", summaries.stream().mapToInt(CleanupSummary::removed).sum());
            result.put("alreadyGone", summaries.stream().mapToInt(CleanupSummary::alreadyGone).sum());
            result.put("kept", summaries.stream().mapToInt(CleanupSummary::kept).sum());
            result.put("cached", summaries.stream().mapToInt(CleanupSummary::cached).sum());
            result.put("failures", failures);
            return result;
        }
    }

    /** {@code dockerCleanup}: Pipeline, the Snippet Generator and the freestyle build step's form. */
    @Extension
    public static final class DescriptorImpl extends DockerStepDescriptor {

        public DescriptorImpl() {
            super(FUNCTION, ParameterSyntax.none().optionalChoices("builtImagePolicy"));
        }

        @Override
        public String getDisplayName() {
            return Messages.DockerCleanupStep_displayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        @POST
        public ListBoxModel doFillBuiltImagePolicyItems() {
            return BuiltImagePolicy.choices(true);
        }
    }
}
