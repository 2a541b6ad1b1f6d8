package io.jenkins.plugins.dockerci.engine.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.ConflictException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

class ResourceRemoverTest {

    @Test
    void aFailureReasonIsTheDaemonsOwnMessageWithItsStatus() {
        ConflictException inUse = new ConflictException(
                "Status 409: {\"message\":\"conflict: unable to remove repository reference \\\"app:ci\\\" (must force)\"}\n");

        assertThat(ResourceRemover.reason(inUse)).isEqualTo("conflict: unable to remove repository reference \"app:ci\" (must force) (HTTP 409)");
    }

    @Test
    void aTimeoutAnywhereInTheChainSaysTheEngineDidNotAnswer() {
        RuntimeException wrapped = new RuntimeException("request failed", new SocketTimeoutException("Read timed out"));

        assertThat(ResourceRemover.reason(wrapped)).isEqualTo("the Docker engine did not answer within the cleanup call timeout");
    }

    @Test
    void anyOtherFailureNamesItsRootCause() {
        RuntimeException wrapped = new RuntimeException(new java.net.ConnectException("Connection refused"));

        assertThat(ResourceRemover.reason(wrapped)).isEqualTo("ConnectException: Connection refused");
    }
}
