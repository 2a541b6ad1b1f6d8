package io.jenkins.plugins.dockerci.engine.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerci.engine.image.ImageReference;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PushFailedExceptionTest {

    private static final ImageReference TARGET = ImageReference.parse("127.0.0.1:5001/team/app:1");

    @ParameterizedTest
    @EnumSource(PushFailure.class)
    void everyFailureNamesTheReferenceAndTheRegistry(PushFailure failure) {
        PushFailedException e = PushFailedException.of(failure, TARGET, "the registry's words", 3, Duration.ofMinutes(30));

        assertThat(e.getMessage()).startsWith("Push of 127.0.0.1:5001/team/app:1 failed: ").contains("127.0.0.1:5001");
        assertThat(e.failure()).isEqualTo(failure);
        assertThat(e.registry()).isEqualTo("127.0.0.1:5001");
        assertThat(e.reference()).isEqualTo("127.0.0.1:5001/team/app:1");
    }

    @ParameterizedTest
    @EnumSource(value = PushFailure.class, names = {"CREDENTIALS_MISSING", "CREDENTIALS_REJECTED", "ACCESS_DENIED"})
    void credentialProblemsAreAuthenticationExceptions(PushFailure failure) {
        assertThat(PushFailedException.of(failure, TARGET, "unauthorized", 1, Duration.ofMinutes(1)))
                .isInstanceOf(RegistryAuthenticationException.class);
    }

    @Test
    void aRejectedPasswordPointsAtTheConfiguredCredentials() {
        assertThat(PushFailedException.of(PushFailure.CREDENTIALS_REJECTED, TARGET, "unauthorized: authentication required", 1, Duration.ofMinutes(1)))
                .hasMessageContaining("credentials for 127.0.0.1:5001 were rejected (the registry said: unauthorized: authentication required)")
                .hasMessageContaining("Check the credentials ID configured for this registry");
    }

    @Test
    void aTimeoutSaysHowLongItWaitedAndATransientFailureHowOftenItTried() {
        assertThat(PushFailedException.of(PushFailure.TIMEOUT, TARGET, "no answer", 1, Duration.ofMinutes(30)))
                .hasMessageContaining("did not finish within 30 min").hasMessageContaining("raise the push timeout");
        assertThat(PushFailedException.of(PushFailure.TRANSIENT, TARGET, "EOF", 3, Duration.ofMinutes(30)))
                .hasMessageContaining("3 attempts").hasMessageContaining("EOF");
    }

    @Test
    void anUnreachableRegistryIsItsOwnType() {
        assertThat(PushFailedException.of(PushFailure.REGISTRY_UNREACHABLE, TARGET, "connect: connection refused", 1, Duration.ofMinutes(1)))
                .isInstanceOf(RegistryUnreachableException.class)
                .hasMessageContaining("registry 127.0.0.1:5001 is not reachable from the Docker engine (connect: connection refused)");
    }
}
