package io.jenkins.plugins.dockerci.engine.cleanup;

import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.util.function.Supplier;

/**
 * Lets cleanup run to the end on a thread that was interrupted (an aborted build is exactly when cleanup matters).
 *
 * <p>The flag is cleared when the shield is made and before every call, because the HTTP client gives up at once
 * when it sees it; a call that failed because an interrupt arrived while it ran is retried. {@link #close()} puts
 * the flag back if any interrupt was seen, so the caller still learns about it.
 */
final class InterruptShield implements AutoCloseable {

    private static final int ATTEMPTS = 3;

    private boolean interrupted = Thread.interrupted();

    <T> T call(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            interrupted |= Thread.interrupted();
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !causedByInterrupt(e)) {
                    throw e;
                }
            }
        }
    }

    void run(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }

    @Override
    public void close() {
        if (interrupted | Thread.interrupted()) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean causedByInterrupt(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedException || t instanceof ClosedByInterruptException
                    || (t instanceof InterruptedIOException && !(t instanceof SocketTimeoutException))) {
                return true;
            }
        }
        return false;
    }
}
