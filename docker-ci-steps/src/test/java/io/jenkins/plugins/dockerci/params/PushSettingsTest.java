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
    void theRequestCarriesTargetsAndRetries() {
        PushRequest request = new PushSettings("sha256:abc", List.of("127.0.0.1:5001/team/app:7"), 5).toRequest();

        assertThat(request.source()).isEqualTo("sha256:abc");
        assertThat(request.targets()).extracting(Object::toString).containsExactly("127.0.0.1:5001/team/app:7");
        assertThat(request.credentialsFor("127.0.0.1:5001")).as("the run's logins come with the engine target").isNull();
        assertThat(request.retry().maxAttempts()).isEqualTo(5);
    }

    @Test
    void withoutAnImageTheMessageSaysToBuildOneFirst() {
        assertThatThrownBy(() -> new PushSettings(" ", List.of("app:1"), 3))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("dockerBuild");
    }

    @Test
    void withoutTagsTheMessageShowsAnExample() {
        assertThatThrownBy(() -> new PushSettings("app", List.of(), 3)).hasMessageContaining("dockerPush.tags");
    }

    @Test
    void theRetryCountIsCheckedByTheEngine() {
        assertThatThrownBy(() -> new PushSettings("app", List.of("app:1"), 0)).hasMessageContaining("between 1 and 20");
    }

    @Test
    void aLoginNeverShowsItsPassword() {
        RegistryLogin login = new RegistryLogin("r.example.com", "u", "pw-123", "a test");

        assertThat(login.secrets()).contains("pw-123");
        assertThat(login.toString()).doesNotContain("pw-123");
        assertThat(login.toEngine().toString()).doesNotContain("pw-123");
    }

    @Test
    void thePushedDigestPinsTheRepository() {
        assertThat(new PushOutcome.Pushed("127.0.0.1:5001/team/app:7", "sha256:d").pinned())
                .isEqualTo("127.0.0.1:5001/team/app@sha256:d");
    }
}
