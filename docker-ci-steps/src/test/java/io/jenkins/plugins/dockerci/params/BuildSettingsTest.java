package io.jenkins.plugins.dockerci.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.build.BuildRequest;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildSettingsTest {

    private static final Path WORKSPACE = Path.of("/ws/job");

    @Test
    void theRequestResolvesTheContextInTheWorkspaceAndCarriesEveryOption() {
        BuildSettings settings = BuildSettings.builder()
                .context("app")
                .dockerfile("docker/Dockerfile.ci")
                .tags(List.of("team/app:7"))
                .buildArgs(Map.of("VERSION", "1.2"))
                .target("test")
                .labels(Map.of("com.example.team", "ci"))
                .scm(Map.of("GIT_COMMIT", "abc123", "GIT_URL", "https://git.example.com/app.git"))
                .pull(true)
                .noCache(true)
                .cacheFrom(List.of("team/app:cache"))
                .timeout(Duration.ofMinutes(5))
                .build();

        BuildRequest request = settings.toRequest(WORKSPACE);

        assertThat(request.contextDir()).isEqualTo(Path.of("/ws/job/app"));
        assertThat(request.dockerfile()).isEqualTo(Path.of("docker/Dockerfile.ci"));
        assertThat(request.tags()).containsExactly("team/app:7");
        assertThat(request.buildArgs()).containsEntry("VERSION", "1.2");
        assertThat(request.target()).isEqualTo("test");
        assertThat(request.imageLabels()).containsEntry("com.example.team", "ci")
                .containsEntry(BuildRequest.OCI_REVISION, "abc123")
                .containsEntry(BuildRequest.OCI_SOURCE, "https://git.example.com/app.git")
                .as("no label that changes every build: it would defeat the layer cache").doesNotContainKey(BuildRequest.OCI_CREATED);
        assertThat(request.pull()).isTrue();
        assertThat(request.noCache()).isTrue();
        assertThat(request.cacheFrom()).containsExactly("team/app:cache");
        assertThat(request.timeout()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void defaultsAreTheWorkspaceItsDockerfileAndAnHour() {
        BuildRequest request = BuildSettings.builder().build().toRequest(WORKSPACE);

        assertThat(request.contextDir()).isEqualTo(WORKSPACE);
        assertThat(request.dockerfile()).isNull();
        assertThat(request.timeout()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aContextOutsideTheWorkspaceIsRejectedBeforeTheAgentIsAsked() {
        assertThatThrownBy(() -> BuildSettings.builder().context("app/../../other").build())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("lies outside the workspace");
        assertThatThrownBy(() -> BuildSettings.builder().context("/etc").build()).hasMessageContaining("is absolute");
    }

    @Test
    void aBadTagFailsWhenTheSettingsAreMadeOnTheController() {
        assertThatThrownBy(() -> BuildSettings.builder().tags(List.of("Team/App:1")).build())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Team/App:1");
    }

    @Test
    void settingsSerialiseAsPlainValues() throws Exception {
        BuildSettings settings = BuildSettings.builder().tags(List.of("app:1")).buildArgs(Map.of("A", "b")).build();

        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(settings);
        }
        assertThat(settings.buildArgs()).isInstanceOf(java.util.SortedMap.class);
    }
}
