package io.jenkins.plugins.dockerci.engine.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InterruptShieldTest {

    @AfterEach
    void clearFlag() {
        Thread.interrupted();
    }

    @Test
    void callsRunWithTheFlagClearedAndTheFlagComesBackAfterwards() {
        Thread.currentThread().interrupt();
        boolean seenInside;
        try (InterruptShield shield = new InterruptShield()) {
            seenInside = shield.call(() -> Thread.currentThread().isInterrupted());
        }
        assertThat(seenInside).isFalse();
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void anInterruptArrivingBetweenCallsIsClearedForTheNextAndRestoredAtTheEnd() {
        try (InterruptShield shield = new InterruptShield()) {
            shield.run(() -> Thread.currentThread().interrupt());
            assertThat(shield.call(() -> Thread.currentThread().isInterrupted())).isFalse();
        }
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void aCallBrokenByAnInterruptIsRetried() {
        AtomicInteger attempts = new AtomicInteger();
        String result;
        try (InterruptShield shield = new InterruptShield()) {
            result = shield.call(() -> {
                if (attempts.incrementAndGet() == 1) {
                    Thread.currentThread().interrupt();
                    throw new RuntimeException(new InterruptedIOException("interrupted while leasing a connection"));
                }
                return "done";
            });
        }
        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(2);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void otherFailuresAndTimeoutsAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        try (InterruptShield shield = new InterruptShield()) {
            assertThatThrownBy(() -> shield.call(() -> {
                attempts.incrementAndGet();
                throw new RuntimeException(new SocketTimeoutException("Read timed out"));
            })).hasRootCauseInstanceOf(SocketTimeoutException.class);
        }
        assertThat(attempts).hasValue(1);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
