package io.jenkins.plugins.dockerci.engine.push;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import java.time.Duration;
import java.util.Objects;

/**
 * How often a push that failed for a transient reason (connection reset, a 5xx answer, an unexpected end of
 * stream) is tried again, and how long to wait in between. The wait doubles after each attempt, up to
 * {@code maxBackoff}. Authentication, permission and request errors are never retried.
 *
 * @param maxAttempts    attempts in total, at least 1 (1 means no retry)
 * @param initialBackoff wait before the second attempt
 * @param maxBackoff     longest wait between two attempts
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** Three attempts, waiting 2 s and then 4 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(30));

    /** One attempt only. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new InvalidRequestException("Retry attempts must be between 1 and 20 (1 = no retry), not " + maxAttempts + ".");
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new InvalidRequestException("Retry backoff must be zero or positive with maximum (" + maxBackoff
                    + ") not below the initial wait (" + initialBackoff + ").");
        }
    }

    /** The wait after failed attempt number {@code attempt} (1-based). */
    public Duration backoffAfter(int attempt) {
        Duration wait = initialBackoff;
        for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
