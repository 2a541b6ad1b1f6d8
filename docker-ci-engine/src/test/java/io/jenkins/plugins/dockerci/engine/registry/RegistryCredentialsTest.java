package io.jenkins.plugins.dockerci.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import org.junit.jupiter.api.Test;

class RegistryCredentialsTest {

    private static final String PASSWORD = "s3cr:t-p\u00e4ssw\u00f6rd";

    @Test
    void keepsAPasswordWithColonsAndNonAsciiWhole() {
        RegistryCredentials credentials = RegistryCredentials.usernamePassword("ci-user", PASSWORD);

        assertThat(credentials.password()).isEqualTo(PASSWORD);
        assertThat(credentials.username()).isEqualTo("ci-user");
    }

    @Test
    void toStringShowsTheUsernameButNoSecret() {
        assertThat(RegistryCredentials.usernamePassword("ci-user", PASSWORD).toString())
                .isEqualTo("RegistryCredentials[username=ci-user, password=****]");
        assertThat(RegistryCredentials.identityToken("tok-123456").toString())
                .isEqualTo("RegistryCredentials[identityToken=****]")
                .doesNotContain("tok-123456");
    }

    @Test
    void secretsIncludeThePasswordAndTheBasicAuthPair() {
        assertThat(RegistryCredentials.usernamePassword("ci-user", PASSWORD).secrets()).containsExactly(PASSWORD, "ci-user:" + PASSWORD);
        assertThat(RegistryCredentials.identityToken("tok-123456").secrets()).containsExactly("tok-123456");
    }

    @Test
    void rejectsAUsernameWithAColonBecauseBasicAuthCannotCarryIt() {
        assertThatThrownBy(() -> RegistryCredentials.usernamePassword("ci:user", "pw"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("contains ':'");
    }

    @Test
    void rejectsEmptyPartsWithoutEchoingThePassword() {
        assertThatThrownBy(() -> RegistryCredentials.usernamePassword("", PASSWORD))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageNotContaining(PASSWORD);
        assertThatThrownBy(() -> RegistryCredentials.usernamePassword("ci-user", ""))
                .hasMessageContaining("empty password");
        assertThatThrownBy(() -> RegistryCredentials.identityToken(null)).hasMessageContaining("identity token is empty");
    }
}
