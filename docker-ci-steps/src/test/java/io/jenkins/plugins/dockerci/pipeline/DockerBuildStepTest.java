package io.jenkins.plugins.dockerci.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.EnvVars;
import io.jenkins.plugins.dockerci.engine.build.BuildRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerBuildStepTest {

    @Test
    void everyParameterReachesTheEngineRequest() throws Exception {
        DockerBuildStep step = new DockerBuildStep();
        step.setContext("services/api");
        step.setDockerfile("../docker/api.Dockerfile");
        step.setTags(List.of("app:7", "registry.example.com/team/app"));
        step.setBuildArgs(Map.of("VERSION", "1.2"));
        step.setTarget("runtime");
        step.setLabels(Map.of("com.example.team", "payments"));
        step.setPull(true);
        step.setNoCache(true);
        step.setCacheFrom(List.of("app:6"));
        step.setTimeout("20m");
        EnvVars env = new EnvVars(Map.of("GIT_COMMIT", "abc123", "GIT_URL", "https://git.example.com/app.git"));

        BuildRequest request = step.settings(env).toRequest(Path.of("/ws"), null);

        assertThat(request.contextDir()).isEqualTo(Path.of("/ws/services/api"));
        assertThat(request.dockerfile()).isEqualTo(Path.of("../docker/api.Dockerfile"));
        assertThat(request.tags()).containsExactly("app:7", "registry.example.com/team/app:latest");
        assertThat(request.buildArgs()).containsExactlyEntriesOf(Map.of("VERSION", "1.2"));
        assertThat(request.target()).isEqualTo("runtime");
        assertThat(request.labels()).containsExactlyEntriesOf(Map.of("com.example.team", "payments"));
        assertThat(request.revision()).isEqualTo("abc123");
        assertThat(request.source()).isEqualTo("https://git.example.com/app.git");
        assertThat(request.pull()).isTrue();
        assertThat(request.noCache()).isTrue();
        assertThat(request.cacheFrom()).containsExactly("app:6");
        assertThat(request.timeout()).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void defaultsAreTheVocabularys() throws Exception {
        BuildRequest request = new DockerBuildStep().settings(new EnvVars()).toRequest(Path.of("/ws"), null);

        assertThat(request.contextDir()).isEqualTo(Path.of("/ws"));
        assertThat(request.dockerfile()).isNull();
        assertThat(request.tags()).isEmpty();
        assertThat(request.target()).isNull();
        assertThat(request.pull()).isFalse();
        assertThat(request.noCache()).isFalse();
        assertThat(request.timeout()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void blankValuesFromTheSnippetGeneratorMeanUnset() throws Exception {
        DockerBuildStep step = new DockerBuildStep();
        step.setContext(" ");
        step.setDockerfile("");
        step.setTarget("");
        step.setTimeout("");

        BuildRequest request = step.settings(new EnvVars()).toRequest(Path.of("/ws"), null);

        assertThat(request.contextDir()).isEqualTo(Path.of("/ws"));
        assertThat(request.dockerfile()).isNull();
        assertThat(request.target()).isNull();
        assertThat(request.timeout()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void wrongValuesAreRejectedWithTheStepAndParameterNamed() {
        DockerBuildStep timeout = new DockerBuildStep();
        timeout.setTimeout("soon");
        DockerBuildStep arg = new DockerBuildStep();
        arg.setBuildArgs(Map.of("1BAD", "x"));

        assertThatThrownBy(() -> timeout.settings(new EnvVars())).isInstanceOf(AbortException.class)
                .hasMessageContaining("dockerBuild.timeout").hasMessageContaining("'soon'");
        assertThatThrownBy(() -> arg.settings(new EnvVars())).isInstanceOf(AbortException.class)
                .hasMessageStartingWith("dockerBuild: ").hasMessageContaining("1BAD");
    }

    @Test
    void theTaskCrossesTheAgentChannel() throws Exception {
        DockerBuildStep step = new DockerBuildStep();
        step.setTags(List.of("app:1"));
        step.setBuildArgs(Map.of("A", "b"));

        assertThat(io.jenkins.plugins.dockerci.testsupport.ClassFilterCheck.rejectedClassesOf(step.settings(new EnvVars())))
                .isEmpty();
    }
}
