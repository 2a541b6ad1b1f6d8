package io.jenkins.plugins.dockerci.engine.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void backoffDoublesUpToTheMaximum() {
        RetryPolicy policy = new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(5));

        assertThat(policy.backoffAfter(1)).hasSeconds(1);
        assertThat(policy.backoffAfter(2)).hasSeconds(2);
        assertThat(policy.backoffAfter(3)).hasSeconds(4);
        assertThat(policy.backoffAfter(4)).hasSeconds(5);
        assertThat(policy.backoffAfter(5)).hasSeconds(5);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("between 1 and 20");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("not below the initial wait");
    }
}
