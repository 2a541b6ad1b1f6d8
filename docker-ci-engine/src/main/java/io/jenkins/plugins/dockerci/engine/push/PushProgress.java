package io.jenkins.plugins.dockerci.engine.push;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.PushResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import io.jenkins.plugins.dockerci.engine.LogSink;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one push stream: logs each layer's state changes once (not the byte counters), keeps the digest and size
 * the registry reported, and keeps the first error. The engine answers a failed push with HTTP 200 and puts the error
 * in the stream, so the error items are what tells success from failure.
 */
final class PushProgress extends ResultCallback.Adapter<PushResponseItem> {

    // the daemon's own "<tag>: digest: sha256:… size: N" line; the summary line replaces it
    private static final Pattern DIGEST_LINE = Pattern.compile(".*: digest: sha256:[0-9a-f]{64} size: \\d+");
    private static final String RETRYING = "Retrying in ";

    private final LogSink log;
    private final Map<String, String> layerStates = new HashMap<>();
    private volatile String digest;
    private volatile long manifestSize;
    private volatile String error;
    private volatile Throwable transportError;

    PushProgress(LogSink log) {
        this.log = log;
    }

    @Override
    public void onNext(PushResponseItem item) {
        if (item.isErrorIndicated()) {
            recordError(item);
            return;
        }
        ResponseItem.AuxDetail aux = item.getAux();
        if (aux != null && aux.getDigest() != null) {
            digest = aux.getDigest();
            manifestSize = aux.getSize() == null ? 0 : aux.getSize();
        }
        String status = item.getStatus();
        if (status == null || status.isBlank()) {
            return;
        }
        if (item.getId() == null) {
            if (!DIGEST_LINE.matcher(status).matches()) {
                log.info(status);
            }
            return;
        }
        // "Retrying in 5 seconds" counts down once a second: one line for the whole countdown
        String state = status.startsWith(RETRYING) ? RETRYING : status;
        if (!state.equals(layerStates.put(item.getId(), state))) {
            log.info("  " + item.getId() + ": " + status);
        }
    }

    /**
     * A failure of the call itself (the engine answered with an error status, or the connection broke). Kept for the
     * caller instead of the template's logging at ERROR and rethrowing, which reports it twice.
     */
    @Override
    public void onError(Throwable throwable) {
        transportError = throwable;
        try {
            close();
        } catch (IOException closing) {
            throwable.addSuppressed(closing);
        }
    }

    private void recordError(PushResponseItem item) {
        if (error != null) {
            return;
        }
        String message = item.getErrorDetail() != null ? item.getErrorDetail().getMessage() : null;
        error = message != null && !message.isBlank() ? message : item.getError();
        if (error == null || error.isBlank()) {
            error = "the engine reported an error without a message";
        }
    }

    /** The registry's manifest digest, or {@code null} when none was reported. */
    String digest() {
        return digest;
    }

    long manifestSize() {
        return manifestSize;
    }

    /** The failure of the call itself, or {@code null}. */
    Throwable transportError() {
        return transportError;
    }

    /** The first error in the stream, or {@code null}. */
    String error() {
        return error;
    }
}
