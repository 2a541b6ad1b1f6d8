package io.jenkins.plugins.dockerci.freestyle;

import hudson.Extension;
import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.params.StepRun;
import io.jenkins.plugins.dockerci.steps.DockerCleanupStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * Freestyle "Clean up the Docker resources of this build so far": {@code dockerCleanup} in the middle of a build,
 * e.g. before a long step that needs the disk. Never fails the build; later Docker steps record anew and the
 * post-build action (or the final cleanup) removes what they create.
 */
public final class CleanupBuilder extends DockerBuilder<DockerCleanupStep> {

    @DataBoundConstructor
    public CleanupBuilder(DockerCleanupStep parameters) {
        super(parameters);
    }

    @Override
    protected void perform(DockerCleanupStep step, StepRun run) {
        step.perform(run.run(), run.listener(), false);
    }

    /** Job DSL / JCasC name {@code cleanUpDockerResources}. */
    @Extension
    @Symbol("cleanUpDockerResources")
    public static final class DescriptorImpl extends DockerBuilder.BuilderDescriptor {

        public DescriptorImpl() {
            super(DockerCleanupStep.class, Messages._CleanupBuilder_displayName());
        }
    }
}
