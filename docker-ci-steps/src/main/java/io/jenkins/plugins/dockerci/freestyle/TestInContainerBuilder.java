package io.jenkins.plugins.dockerci.freestyle;

import hudson.Extension;
import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.params.StepRun;
import io.jenkins.plugins.dockerci.steps.DockerTestStep;
import java.io.IOException;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/** Freestyle "Test in a Docker container": {@code dockerTest}, with its service containers. */
public final class TestInContainerBuilder extends DockerBuilder<DockerTestStep> {

    @DataBoundConstructor
    public TestInContainerBuilder(DockerTestStep parameters) {
        super(parameters);
    }

    @Override
    protected void perform(DockerTestStep step, StepRun run) throws IOException, InterruptedException {
        step.perform(run);
    }

    /** Job DSL / JCasC name {@code testInDockerContainer}. */
    @Extension
    @Symbol("testInDockerContainer")
    public static final class DescriptorImpl extends DockerBuilder.BuilderDescriptor {

        public DescriptorImpl() {
            super(DockerTestStep.class, Messages._TestInContainerBuilder_displayName());
        }
    }
}
