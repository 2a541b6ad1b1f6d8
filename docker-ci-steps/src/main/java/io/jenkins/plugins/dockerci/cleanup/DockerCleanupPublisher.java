package io.jenkins.plugins.dockerci.cleanup;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Publisher;
import hudson.tasks.Recorder;
import io.jenkins.plugins.dockerci.config.BuiltImagePolicy;
import io.jenkins.plugins.dockerci.params.StepServices;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Post-build action: removes every container, network, volume, tag and (by policy) image the build created,
 * whatever the build's result. Cleanup problems are console warnings and never change the result.
 */
public class DockerCleanupPublisher extends Recorder implements SimpleBuildStep {

    private BuiltImagePolicy builtImagePolicy;

    @DataBoundConstructor
    public DockerCleanupPublisher() {
        // the image policy is optional: the global setting applies
    }

    /** The policy for built images, or {@code null} for the global setting. */
    public String getBuiltImagePolicy() {
        return builtImagePolicy == null ? null : builtImagePolicy.name();
    }

    /** {@code REMOVE}, {@code KEEP_PUSHED} or {@code KEEP}; blank for the global setting. */
    @DataBoundSetter
    public void setBuiltImagePolicy(String builtImagePolicy) {
        this.builtImagePolicy = ImagePolicyText.parse(builtImagePolicy);
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener) {
        perform(run, workspace, env, listener, StepServices.jenkins());
    }

    /** Runs the step with the given services (Jenkins' own in {@link #perform(Run, FilePath, EnvVars, Launcher, TaskListener)}). */
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, TaskListener listener, StepServices services) {
        VirtualChannel channel = workspace == null ? null : workspace.getChannel();
        new BuildCleanup(services).clean(run, channel, env, builtImagePolicy, true, listener);
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
            return "Clean up Docker resources";
        }
    }
}
