package io.jenkins.plugins.dockerci.cleanup;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Publisher;
import hudson.tasks.Recorder;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.config.BuiltImagePolicy;
import io.jenkins.plugins.dockerci.steps.ParameterSyntax;
import jenkins.tasks.SimpleBuildStep;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * Post-build action: removes every container, network, volume, tag and (by policy) image the build created, on every
 * Docker engine it used, whatever the build's result. Cleanup problems are console warnings and never change the
 * result.
 */
public class DockerCleanupPublisher extends Recorder implements SimpleBuildStep {

    private BuiltImagePolicy builtImagePolicy;

    @DataBoundConstructor
    public DockerCleanupPublisher() {
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
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener) {
        BuildCleanup.clean(run, listener, builtImagePolicy, true);
    }

    /** The post-build action "Clean up Docker resources". */
    @Extension
    @Symbol("dockerCleanupPublisher")
    public static final class DescriptorImpl extends BuildStepDescriptor<Publisher> {

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return Messages.DockerCleanupPublisher_displayName();
        }

        @Override
        public Publisher newInstance(StaplerRequest2 req, JSONObject form) throws FormException {
            return super.newInstance(req, ParameterSyntax.none().optionalChoices("builtImagePolicy").normaliseForm(form));
        }

        @POST
        public ListBoxModel doFillBuiltImagePolicyItems() {
            return BuiltImagePolicy.choices(true);
        }
    }
}
