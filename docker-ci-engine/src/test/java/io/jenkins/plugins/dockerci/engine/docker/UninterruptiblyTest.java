package io.jenkins.plugins.dockerci.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UninterruptiblyTest {

    @AfterEach
    void clearFlag() {
        Thread.interrupted();
    }

    @Test
    void workDoesNotSeeTheCallersInterruptAndTheFlagComesBackAfterwards() {
        Thread.currentThread().interrupt();

        boolean seenByWork = Uninterruptibly.call("t", () -> Thread.currentThread().isInterrupted());

        assertThat(seenByWork).isFalse();
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void interruptsWhileWaitingNeitherStopTheWorkNorGetLost() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<String> result = new AtomicReference<>();
        AtomicBoolean flagAfter = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            result.set(Uninterruptibly.call("t", () -> {
                started.countDown();
                sleepIgnoringInterrupts(300);
                return "finished";
            }));
            flagAfter.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        started.await(5, TimeUnit.SECONDS);
        while (caller.isAlive()) {
            caller.interrupt();
            Thread.sleep(5);
        }

        assertThat(result).hasValue("finished");
        assertThat(flagAfter).isTrue();
    }

    @Test
    void noInterruptMeansNoFlag() {
        assertThat(Uninterruptibly.call("t", () -> "x")).isEqualTo("x");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void failuresOfTheWorkReachTheCaller() {
        assertThatThrownBy(() -> Uninterruptibly.call("t", () -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    }

    private static void sleepIgnoringInterrupts(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
