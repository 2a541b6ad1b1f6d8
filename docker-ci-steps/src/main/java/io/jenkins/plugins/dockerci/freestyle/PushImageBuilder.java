package io.jenkins.plugins.dockerci.freestyle;

import hudson.Extension;
import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.params.StepRun;
import io.jenkins.plugins.dockerci.steps.DockerPushStep;
import java.io.IOException;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** Freestyle "Push a Docker image": {@code dockerPush}; the references and digests are on the build page. */
public final class PushImageBuilder extends DockerBuilder<DockerPushStep> {

    @DataBoundConstructor
    public PushImageBuilder(DockerPushStep parameters) {
        super(parameters);
    }

    @Override
    protected void perform(DockerPushStep step, StepRun run) throws IOException, InterruptedException {
        step.perform(run);
    }

    /** Job DSL / JCasC name {@code pushDockerImage}. */
    @Extension
    @Symbol("pushDockerImage")
    public static final class DescriptorImpl extends DockerBuilder.BuilderDescriptor {

        public DescriptorImpl() {
            super(DockerPushStep.class, Messages._PushImageBuilder_displayName());
        }
    }
}
