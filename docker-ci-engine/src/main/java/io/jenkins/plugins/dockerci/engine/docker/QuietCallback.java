package io.jenkins.plugins.dockerci.engine.docker;

import com.github.dockerjava.api.async.ResultCallbackTemplate;
import java.io.IOException;

/**
 * A docker-java stream callback that keeps the first failure of the request itself for its caller, who decides how to
 * report it, instead of logging it with a stack trace as docker-java's template does. The stream ends with the failure.
 *
 * @param <T> the stream's item type
 */
public abstract class QuietCallback<T> extends ResultCallbackTemplate<QuietCallback<T>, T> {

    private volatile Throwable transportError;

    @Override
    public void onError(Throwable throwable) {
        if (transportError == null) {
            transportError = throwable;
        }
        try {
            close();
        } catch (IOException alreadyClosed) {
            // the stream is over either way; the failure above is what matters
        }
    }

    /** The failure of the request itself (e.g. the engine's HTTP error), or {@code null}. */
    public Throwable transportError() {
        return transportError;
    }
}
