package io.jenkins.plugins.dockerci.engine.docker;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs work to the end even when the calling thread is interrupted: an aborted build is exactly when cleanup matters,
 * and a create call cut short by an interrupt may still create its resource on the engine after the caller gave up,
 * where nobody would remove it.
 *
 * <p>The work runs on a fresh thread that nobody else can interrupt, because the HTTP client gives up a call at
 * once when its thread is interrupted; the caller waits for it, swallowing interrupts while it waits (which also
 * clears the flag for the duration), and sets its interrupt flag again afterwards if one arrived before or during
 * the work, so the caller still learns about it. The work must be bounded in time by itself (cleanup's per-call
 * timeouts see to that; a create call is short).
 */
public final class Uninterruptibly {

    private Uninterruptibly() {
    }

    /** Runs {@code work} to its end on its own thread and returns its result; an interrupt is kept for afterwards. */
    public static <T> T call(String threadName, Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                result.set(work.get());
            } catch (RuntimeException | Error e) {
                failure.set(e);
            }
        }, threadName);
        worker.start();
        boolean interrupted = false;
        while (true) {
            try {
                worker.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        return Objects.requireNonNull(result.get(), "the work returned nothing");
    }
}
