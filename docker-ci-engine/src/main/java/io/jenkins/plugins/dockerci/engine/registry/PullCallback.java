package io.jenkins.plugins.dockerci.engine.registry;

import com.github.dockerjava.api.async.ResultCallbackTemplate;
import com.github.dockerjava.api.model.PullResponseItem;
import io.jenkins.plugins.dockerci.engine.docker.DaemonMessage;
import java.io.IOException;

/**
 * Reads one pull stream and keeps what decides its outcome: the first error (in the stream, or the HTTP error the
 * engine answers a refused pull with), and the digest and final status of a pull that worked. Unlike docker-java's
 * default callback it logs nothing itself, so a refused pull does not print a stack trace.
 */
final class PullCallback extends ResultCallbackTemplate<PullCallback, PullResponseItem> {

    private static final String DIGEST = "Digest: ";
    private static final String STATUS = "Status: ";

    private volatile String error;
    private volatile Throwable transportError;
    private volatile String digest;
    private volatile String status;

    @Override
    public void onNext(PullResponseItem item) {
        if (item.isErrorIndicated()) {
            if (error == null) {
                error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                        ? item.getErrorDetail().getMessage() : item.getError();
            }
            return;
        }
        String text = item.getStatus();
        if (text != null && text.startsWith(DIGEST)) {
            digest = text.substring(DIGEST.length()).strip();
        } else if (text != null && text.startsWith(STATUS)) {
            status = text.substring(STATUS.length()).strip();
        }
    }

    @Override
    public void onError(Throwable throwable) {
        if (transportError == null) {
            transportError = throwable;
        }
        try {
            close();
        } catch (IOException alreadyClosed) {
            // the stream is over either way; the error above is what matters
        }
    }

    /** The engine's words for the failure, or {@code null} when the pull worked. */
    String failure() {
        if (error != null) {
            return error;
        }
        return transportError == null ? null : DaemonMessage.of(transportError);
    }

    /** The failure of the request itself, to chain as a cause, or {@code null}. */
    Throwable transportError() {
        return transportError;
    }

    /** The digest the registry served, or {@code null}. */
    String digest() {
        return digest;
    }

    /** The engine's last word ("Downloaded newer image for …", "Image is up to date for …"), or {@code null}. */
    String status() {
        return status;
    }
}
