package io.jenkins.plugins.dockerci.engine.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerci.engine.image.ImageReference;
import io.jenkins.plugins.dockerci.engine.registry.RegistryCredentials;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins.RegistryLogin;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PushFailedExceptionTest {

    private static final ImageReference TARGET = ImageReference.parse("127.0.0.1:5001/team/app:1");
    private static final Optional<RegistryLogin> NO_LOGIN = Optional.empty();
    private static final RegistryLogins LOGINS = RegistryLogins.of(List.of(), registry -> "add " + registry + " to the caller's list");

    @ParameterizedTest
    @EnumSource(PushFailure.class)
    void everyFailureNamesTheReferenceAndTheRegistry(PushFailure failure) {
        PushFailedException e = PushFailedException.of(failure, TARGET, "the registry's words", 3, Duration.ofMinutes(30), NO_LOGIN, LOGINS);

        assertThat(e.getMessage()).startsWith("Push of 127.0.0.1:5001/team/app:1 failed: ").contains("127.0.0.1:5001");
        assertThat(e.failure()).isEqualTo(failure);
        assertThat(e.registry()).isEqualTo("127.0.0.1:5001");
        assertThat(e.reference()).isEqualTo("127.0.0.1:5001/team/app:1");
    }

    @ParameterizedTest
    @EnumSource(value = PushFailure.class, names = {"CREDENTIALS_MISSING", "CREDENTIALS_REJECTED", "ACCESS_DENIED"})
    void credentialProblemsAreAuthenticationExceptions(PushFailure failure) {
        assertThat(PushFailedException.of(failure, TARGET, "unauthorized", 1, Duration.ofMinutes(1), NO_LOGIN, LOGINS))
                .isInstanceOf(RegistryAuthenticationException.class);
    }

    @Test
    void aRejectedPasswordNamesWhereTheCredentialsCameFromAndTheCallersAdvice() {
        Optional<RegistryLogin> sent = Optional.of(new RegistryLogin("127.0.0.1:5001",
                RegistryCredentials.usernamePassword("ci-user", "pw-123456"), "the flow file's registry entry"));
        assertThat(PushFailedException.of(PushFailure.CREDENTIALS_REJECTED, TARGET, "unauthorized: authentication required", 1,
                Duration.ofMinutes(1), sent, LOGINS))
                .hasMessageContaining("the credentials for 127.0.0.1:5001 were rejected: user ci-user from the flow file's registry entry"
                        + " (the registry said: unauthorized: authentication required)")
                .hasMessageContaining("add 127.0.0.1:5001 to the caller's list")
                .hasMessageNotContaining("credentials ID")
                .hasMessageNotContaining("pw-123456");
    }

    @Test
    void missingCredentialsSayNoneAreConfiguredInTheCallersTerms() {
        assertThat(PushFailedException.of(PushFailure.CREDENTIALS_MISSING, TARGET, "no basic auth credentials", 1,
                Duration.ofMinutes(1), NO_LOGIN, LOGINS))
                .hasMessageContaining("none are configured for 127.0.0.1:5001")
                .hasMessageContaining("add 127.0.0.1:5001 to the caller's list");
    }

    @Test
    void aTimeoutSaysHowLongItWaitedAndATransientFailureHowOftenItTried() {
        assertThat(PushFailedException.of(PushFailure.TIMEOUT, TARGET, "no answer", 1, Duration.ofMinutes(30), NO_LOGIN, LOGINS))
                .hasMessageContaining("did not finish within 30 min").hasMessageContaining("raise the push timeout");
        assertThat(PushFailedException.of(PushFailure.TRANSIENT, TARGET, "EOF", 3, Duration.ofMinutes(30), NO_LOGIN, LOGINS))
                .hasMessageContaining("3 attempts").hasMessageContaining("EOF");
    }

    @Test
    void anUnreachableRegistryIsItsOwnType() {
        assertThat(PushFailedException.of(PushFailure.REGISTRY_UNREACHABLE, TARGET, "connect: connection refused", 1, Duration.ofMinutes(1), NO_LOGIN, LOGINS))
                .isInstanceOf(RegistryUnreachableException.class)
                .hasMessageContaining("registry 127.0.0.1:5001 is not reachable from the Docker engine (connect: connection refused)");
    }
}
