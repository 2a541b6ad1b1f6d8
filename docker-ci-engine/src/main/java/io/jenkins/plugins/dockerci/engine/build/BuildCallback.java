package io.jenkins.plugins.dockerci.engine.build;

import com.github.dockerjava.api.model.BuildResponseItem;
import io.jenkins.plugins.dockerci.engine.docker.QuietCallback;

/**
 * Receives the engine's build stream: output and pull events go to the {@link BuildLog} as they arrive; an error item (the
 * daemon reports build failures inside a successful HTTP response) or a transport error is kept for the caller,
 * which decides how to report it. Unlike docker-java's default, errors are not logged here.
 */
final class BuildCallback extends QuietCallback<BuildResponseItem> {

    private final BuildLog log;
    private volatile String daemonError;

    BuildCallback(BuildLog log) {
        this.log = log;
    }

    @Override
    public void onNext(BuildResponseItem item) {
        if (item.isErrorIndicated()) {
            String message = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                    ? item.getErrorDetail().getMessage() : item.getError();
            if (daemonError == null) {
                daemonError = message;
            }
            return;
        }
        if (item.getStream() != null) {
            log.append(item.getStream());
        } else if (item.getStatus() != null && item.getProgress() == null) {
            // pull events of FROM with pull enabled; progress bars are left out, they would flood the log
            log.append((item.getId() != null ? item.getId() + ": " : "") + item.getStatus() + "\n");
        }
    }

    /** The error the daemon reported in the stream, or {@code null}. */
    String daemonError() {
        return daemonError;
    }
}
