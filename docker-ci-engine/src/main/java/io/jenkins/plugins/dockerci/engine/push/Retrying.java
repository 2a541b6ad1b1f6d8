package io.jenkins.plugins.dockerci.engine.push;

import java.time.Duration;

/** Runs attempts under a {@link RetryPolicy}: again after a transient failure, never after any other. */
final class Retrying {

    /** One attempt; throws {@link AttemptFailedException} when it failed. */
    @FunctionalInterface
    interface Attempt<T> {
        T run();
    }

    /** Waits between attempts (a test passes one that does not really sleep). */
    @FunctionalInterface
    interface Sleeper {
        Sleeper REAL = wait -> Thread.sleep(wait.toMillis());

        void sleep(Duration wait) throws InterruptedException;
    }

    /** Told before each retry: the failure, the number of the next attempt and the wait before it. */
    @FunctionalInterface
    interface RetryListener {
        void retrying(AttemptFailedException failure, int nextAttempt, Duration wait);
    }

    private final RetryPolicy policy;
    private final Sleeper sleeper;

    Retrying(RetryPolicy policy, Sleeper sleeper) {
        this.policy = policy;
        this.sleeper = sleeper;
    }

    /**
     * The first successful attempt's result.
     *
     * @throws FinalFailure wrapping the last failure and the number of attempts made
     * @throws InterruptedException when interrupted while waiting (the caller restores the flag)
     */
    <T> T run(Attempt<T> attempt, RetryListener listener) throws InterruptedException {
        for (int number = 1; ; number++) {
            try {
                return attempt.run();
            } catch (AttemptFailedException e) {
                if (!e.failure().retryable() || number >= policy.maxAttempts()) {
                    throw new FinalFailure(e, number);
                }
                Duration wait = policy.backoffAfter(number);
                listener.retrying(e, number + 1, wait);
                sleeper.sleep(wait);
            }
        }
    }

    /** The failure that ended the attempts. */
    static final class FinalFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient AttemptFailedException last;
        private final int attempts;

        FinalFailure(AttemptFailedException last, int attempts) {
            super(last.getMessage(), null, false, false);
            this.last = last;
            this.attempts = attempts;
        }

        AttemptFailedException last() {
            return last;
        }

        int attempts() {
            return attempts;
        }
    }
}
