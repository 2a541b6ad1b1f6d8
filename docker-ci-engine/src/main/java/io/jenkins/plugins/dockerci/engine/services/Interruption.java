package io.jenkins.plugins.dockerci.engine.services;

import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;

/**
 * Recognises a Docker call that failed because the calling thread was interrupted: the HTTP client gives up on
 * its connection and docker-java reports that as a runtime exception, with the interrupt somewhere in the causes.
 */
public final class Interruption {

    private Interruption() {
    }

    /** {@code true} if {@code failure} is the consequence of an interrupt of the current thread. */
    public static boolean causedBy(Throwable failure) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedException || t instanceof InterruptedIOException || t instanceof ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }
}
