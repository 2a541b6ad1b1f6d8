package io.jenkins.plugins.dockerci.engine.services.wait;

import java.time.Duration;

/**
 * A point in time by which something must have happened, on the monotonic clock.
 *
 * @param startNanos    {@link System#nanoTime()} when the wait began
 * @param deadlineNanos {@link System#nanoTime()} when it must end
 */
public record Deadline(long startNanos, long deadlineNanos) {

    /** A deadline {@code timeout} from now. */
    public static Deadline after(Duration timeout) {
        long now = System.nanoTime();
        return new Deadline(now, now + timeout.toNanos());
    }

    /** Time left; zero or negative once passed. */
    public Duration remaining() {
        return Duration.ofNanos(deadlineNanos - System.nanoTime());
    }

    public boolean expired() {
        return deadlineNanos - System.nanoTime() <= 0;
    }

    /** Time since the wait began. */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** The smaller of {@code cap} and the time left, never negative. */
    public Duration remainingAtMost(Duration cap) {
        Duration left = remaining();
        if (left.isNegative()) {
            return Duration.ZERO;
        }
        return left.compareTo(cap) < 0 ? left : cap;
    }

    /** Sleeps for {@code interval} or until the deadline, whichever is sooner. */
    public void sleep(Duration interval) throws InterruptedException {
        Duration nap = remainingAtMost(interval);
        if (!nap.isZero()) {
            Thread.sleep(nap.toMillis(), nap.toNanosPart() % 1_000_000);
        }
    }
}
