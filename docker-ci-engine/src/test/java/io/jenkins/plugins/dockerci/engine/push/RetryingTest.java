package io.jenkins.plugins.dockerci.engine.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryingTest {

    private final List<Duration> waits = new ArrayList<>();
    private final Retrying retrying = new Retrying(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(10)), waits::add);

    @Test
    void retriesTransientFailuresWithGrowingWaitsUntilOneSucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<Integer> announced = new ArrayList<>();

        String result = retrying.run(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new AttemptFailedException(PushFailure.TRANSIENT, "connection reset by peer");
            }
            return "ok";
        }, (failure, next, wait) -> announced.add(next));

        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(3);
        assertThat(announced).containsExactly(2, 3);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void givesUpAfterTheLastAttemptAndSaysHowManyWereMade() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> retrying.run(() -> {
            calls.incrementAndGet();
            throw new AttemptFailedException(PushFailure.TRANSIENT, "EOF");
        }, (failure, next, wait) -> { }))
                .isInstanceOfSatisfying(Retrying.FinalFailure.class, e -> {
                    assertThat(e.attempts()).isEqualTo(3);
                    assertThat(e.last().words()).isEqualTo("EOF");
                });
        assertThat(calls).hasValue(3);
    }

    @Test
    void neverRetriesAnAuthenticationFailure() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> retrying.run(() -> {
            calls.incrementAndGet();
            throw new AttemptFailedException(PushFailure.CREDENTIALS_REJECTED, "unauthorized: authentication required");
        }, (failure, next, wait) -> { }))
                .isInstanceOfSatisfying(Retrying.FinalFailure.class, e -> assertThat(e.attempts()).isEqualTo(1));
        assertThat(calls).hasValue(1);
        assertThat(waits).isEmpty();
    }
}
