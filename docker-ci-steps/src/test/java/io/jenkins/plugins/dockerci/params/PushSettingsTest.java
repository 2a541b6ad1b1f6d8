package io.jenkins.plugins.dockerci.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.config.RegistryLogin;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.push.PushRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class PushSettingsTest {

    @Test
    void theRequestCarriesTargetsCredentialsForTheRegistryAndRetries() {
        RegistryLogin login = new RegistryLogin("127.0.0.1:5001", "ci-user", "s3cr:t", "a test");
        PushRequest request = new PushSettings("sha256:abc", List.of("127.0.0.1:5001/team/app:7"), login, 5).toRequest();

        assertThat(request.source()).isEqualTo("sha256:abc");
        assertThat(request.targets()).extracting(Object::toString).containsExactly("127.0.0.1:5001/team/app:7");
        assertThat(request.credentialsFor("127.0.0.1:5001")).isNotNull();
        assertThat(request.retry().maxAttempts()).isEqualTo(5);
    }

    @Test
    void withoutAnImageTheMessageSaysToBuildOneFirst() {
        assertThatThrownBy(() -> new PushSettings(" ", List.of("app:1"), null, 3))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("dockerBuild");
    }

    @Test
    void withoutTagsTheMessageShowsAnExample() {
        assertThatThrownBy(() -> new PushSettings("app", List.of(), null, 3)).hasMessageContaining("dockerPush.tags");
    }

    @Test
    void theRetryCountIsCheckedByTheEngine() {
        assertThatThrownBy(() -> new PushSettings("app", List.of("app:1"), null, 0)).hasMessageContaining("between 1 and 20");
    }

    @Test
    void thePasswordIsASecretAndNotInToString() {
        PushSettings settings = new PushSettings("app", List.of("app:1"), new RegistryLogin("r.example.com", "u", "pw-123", "a test"), 3);

        assertThat(settings.secrets()).contains("pw-123");
        assertThat(settings.toString()).doesNotContain("pw-123");
    }

    @Test
    void thePushedDigestPinsTheRepository() {
        assertThat(new PushOutcome.Pushed("127.0.0.1:5001/team/app:7", "sha256:d").pinned())
                .isEqualTo("127.0.0.1:5001/team/app@sha256:d");
    }
}
