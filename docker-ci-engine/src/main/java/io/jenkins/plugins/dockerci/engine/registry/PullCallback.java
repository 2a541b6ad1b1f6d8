package io.jenkins.plugins.dockerci.engine.registry;

import com.github.dockerjava.api.model.PullResponseItem;
import io.jenkins.plugins.dockerci.engine.docker.DaemonMessage;
import io.jenkins.plugins.dockerci.engine.docker.QuietCallback;

/**
 * Reads one pull stream and keeps what decides its outcome: the first error (in the stream, or the HTTP error the
 * engine answers a refused pull with), and the digest of a pull that worked. It logs nothing
 * itself, so a refused pull does not print a stack trace.
 */
final class PullCallback extends QuietCallback<PullResponseItem> {

    private static final String DIGEST = "Digest: ";

    private volatile String error;
    private volatile String digest;

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
        }
    }

    /** The engine's words for the failure, or {@code null} when the pull worked. */
    String failure() {
        if (error != null) {
            return error;
        }
        return transportError() == null ? null : DaemonMessage.of(transportError());
    }

    /** The digest the registry served, or {@code null}. */
    String digest() {
        return digest;
    }
}
