package io.jenkins.plugins.dockerci.engine.push;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.AuthConfig;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.image.ImageReference;
import io.jenkins.plugins.dockerci.engine.push.PushResult.PushedTag;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Makes one attempt to push one tag and reads the outcome from the push stream. */
final class TargetPusher {

    private final DockerClient docker;

    TargetPusher(DockerClient docker) {
        this.docker = docker;
    }

    /**
     * Pushes {@code target}, which must already be a local tag of the image.
     *
     * @throws AttemptFailedException when the stream reports an error, the engine fails the call, or time runs out
     */
    PushedTag pushOnce(ImageReference target, AuthConfig auth, boolean credentialsGiven, Duration timeout, LogSink log) {
        PushProgress progress = new PushProgress(log);
        try {
            docker.pushImageCmd(target.familiarName()).withTag(target.tag()).withAuthConfig(auth).exec(progress);
            if (!progress.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AttemptFailedException(PushFailure.TIMEOUT, "no answer within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerCiException("The push of " + target + " was interrupted; the registry may hold some of its layers"
                    + " but not the tag.");
        } catch (RuntimeException e) {
            if (e instanceof AttemptFailedException) {
                throw e;
            }
            throw new AttemptFailedException(PushFailure.classify(e.getMessage(), credentialsGiven), describe(e));
        } finally {
            closeQuietly(progress);
        }
        if (progress.transportError() != null) {
            Throwable error = progress.transportError();
            throw new AttemptFailedException(PushFailure.classify(describe(error), credentialsGiven), describe(error));
        }
        if (progress.error() != null) {
            throw new AttemptFailedException(PushFailure.classify(progress.error(), credentialsGiven), progress.error());
        }
        if (progress.digest() == null) {
            throw new AttemptFailedException(PushFailure.OTHER, "the push ended without the registry reporting a digest");
        }
        return new PushedTag(target, progress.digest(), progress.manifestSize());
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static void closeQuietly(PushProgress progress) {
        try {
            progress.close();
        } catch (IOException alreadyBroken) {
            // the stream is over either way; its outcome was read above
        }
    }
}
