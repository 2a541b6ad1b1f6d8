package io.jenkins.plugins.dockerci.freestyle;

import hudson.Extension;
import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.params.StepRun;
import io.jenkins.plugins.dockerci.steps.DockerBuildStep;
import java.io.IOException;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** Freestyle "Build a Docker image": {@code dockerBuild}; later steps use the image as their default. */
public final class BuildImageBuilder extends DockerBuilder<DockerBuildStep> {

    @DataBoundConstructor
    public BuildImageBuilder(DockerBuildStep parameters) {
        super(parameters);
    }

    @Override
    protected void perform(DockerBuildStep step, StepRun run) throws IOException, InterruptedException {
        step.perform(run);
    }

    /** Job DSL / JCasC name {@code buildDockerImage}. */
    @Extension
    @Symbol("buildDockerImage")
    public static final class DescriptorImpl extends DockerBuilder.BuilderDescriptor {

        public DescriptorImpl() {
            super(DockerBuildStep.class, Messages._BuildImageBuilder_displayName());
        }
    }
}
