package io.jenkins.plugins.dockerci.params;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import hudson.EnvVars;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.testsupport.TestRun;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerCiActionTest {

    @TempDir
    File buildDir;

    @Test
    void theLastBuiltImageIsTheNextStepsDefaultAndInTheirEnvironment() throws IOException {
        TestRun run = new TestRun("app", 1, buildDir);
        assertThat(DockerCiAction.builtImage(run)).isNull();

        DockerCiAction.of(run).recordBuild(new BuildOutcome("sha256:1", List.of("app:1"), 5));
        DockerCiAction.of(run).recordBuild(new BuildOutcome("sha256:2", List.of("app:2"), 5));

        assertThat(DockerCiAction.builtImage(run)).isEqualTo("sha256:2");
        assertThat(run.environment(new EnvVars())).containsEntry(DockerCiAction.IMAGE_VARIABLE, "sha256:2");
    }

    @Test
    void engineFailuresBecomeMessagesWithoutStackTraces() {
        AbortException abort = StepFailures.abort(new InvalidRequestException("dockerBuild.tags: bad"));

        assertThat(abort).hasMessage("dockerBuild.tags: bad");
    }
}
