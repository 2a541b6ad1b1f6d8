package io.jenkins.plugins.dockerci.freestyle;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import io.jenkins.plugins.dockerci.cleanup.BuildCleanup;
import io.jenkins.plugins.dockerci.cleanup.ImagePolicyText;
import io.jenkins.plugins.dockerci.config.BuiltImagePolicy;
import io.jenkins.plugins.dockerci.params.StepServices;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Removes everything this build created so far ({@code dockerCleanup}), e.g. before a long step that needs the disk.
 * Like the post-build action it never fails the build; later Docker steps start a fresh record.
 */
public class DockerCleanupStep extends Builder implements SimpleBuildStep {

    private BuiltImagePolicy builtImagePolicy;

    @DataBoundConstructor
    public DockerCleanupStep() {
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
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener) {
        perform(run, workspace, env, listener, StepServices.jenkins());
    }

    /** Runs the step with the given services (Jenkins' own in {@link #perform(Run, FilePath, EnvVars, Launcher, TaskListener)}). */
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, TaskListener listener, StepServices services) {
        VirtualChannel channel = workspace == null ? null : workspace.getChannel();
        new BuildCleanup(services).clean(run, channel, env, builtImagePolicy, false, listener);
    }

    /** The {@code dockerCleanup} step: applicable to every job type. */
    @Extension
    @Symbol("dockerCleanup")
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return "Clean up Docker resources of this build so far";
        }
    }
}
