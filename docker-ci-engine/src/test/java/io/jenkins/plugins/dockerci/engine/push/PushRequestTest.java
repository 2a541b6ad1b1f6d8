package io.jenkins.plugins.dockerci.engine.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.image.ImageReference;
import io.jenkins.plugins.dockerci.engine.registry.RegistryCredentials;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PushRequestTest {

    private static final String PASSWORD = "s3cr:t-p\u00e4ssw\u00f6rd";

    @Test
    void parsesTargetsGivesUntaggedOnesLatestAndDropsDuplicates() {
        PushRequest request = PushRequest.builder("sha256:abc")
                .target("127.0.0.1:5000/team/app:1", "127.0.0.1:5000/team/app", "127.0.0.1:5000/team/app:1", "127.0.0.1:5000/team/app:latest")
                .build();

        assertThat(request.targets()).extracting(ImageReference::toString)
                .containsExactly("127.0.0.1:5000/team/app:1", "127.0.0.1:5000/team/app:latest");
        assertThat(request.retry()).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(request.timeout()).isEqualTo(PushRequest.DEFAULT_TIMEOUT);
    }

    @Test
    void rejectsAnInvalidTargetWithTheReferenceGrammarsMessage() {
        assertThatThrownBy(() -> PushRequest.builder("img").target("127.0.0.1:5000/Team/App:1"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("127.0.0.1:5000/Team/App:1")
                .hasMessageContaining("lowercase");
    }

    @Test
    void rejectsATargetPinnedToADigest() {
        String pinned = "127.0.0.1:5000/app@sha256:" + "a".repeat(64);

        assertThatThrownBy(() -> PushRequest.builder("img").target(pinned).build())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("pins a digest");
    }

    @Test
    void rejectsNoTargetsAndABlankSource() {
        assertThatThrownBy(() -> PushRequest.builder("img").build()).hasMessageContaining("No target");
        assertThatThrownBy(() -> PushRequest.builder(" ").target("a:1").build()).hasMessageContaining("give the id or a reference");
        assertThatThrownBy(() -> PushRequest.builder("img").target("a:1").timeout(Duration.ZERO).build())
                .hasMessageContaining("timeout must be positive");
    }

    @Test
    void findsCredentialsByRegistryHowEverTheAddressWasWritten() {
        RegistryCredentials creds = RegistryCredentials.usernamePassword("ci-user", PASSWORD);
        PushRequest request = PushRequest.builder("img").target("127.0.0.1:5001/app:1")
                .credentials("http://127.0.0.1:5001/", creds)
                .credentials("https://index.docker.io/v1/", RegistryCredentials.identityToken("tok-abcdef"))
                .build();

        assertThat(request.credentialsFor("127.0.0.1:5001")).isSameAs(creds);
        assertThat(request.credentialsFor("docker.io")).isNotNull();
        assertThat(request.credentialsFor("127.0.0.1:5000")).isNull();
        assertThat(request.secrets()).contains(PASSWORD, "ci-user:" + PASSWORD, "tok-abcdef");
    }

    @Test
    void toStringShowsNoSecret() {
        PushRequest request = PushRequest.builder("img").target("127.0.0.1:5001/app:1")
                .credentials("127.0.0.1:5001", RegistryCredentials.usernamePassword("ci-user", PASSWORD)).build();

        assertThat(request.toString()).contains("ci-user").doesNotContain(PASSWORD).doesNotContain("s3cr");
    }
}
