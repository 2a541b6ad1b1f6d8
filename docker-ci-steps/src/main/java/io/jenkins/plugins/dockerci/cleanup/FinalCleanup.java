package io.jenkins.plugins.dockerci.cleanup;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.identity.RunIds;
import io.jenkins.plugins.dockerci.log.TaskListenerLogSink;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jenkins.util.Timer;

/**
 * The final cleanup of every build that used Docker and was not cleaned yet, freestyle (no cleanup post-build action,
 * or it could not run) and Pipeline (whether or not the Jenkinsfile called {@code dockerCleanup}) alike: the job's
 * configuration must not decide whether containers are left behind. It reaches every engine the build used, on
 * every node, also for a build that Jenkins resumed after a restart, because the engines are saved with the build.
 *
 * <p>The work runs on a thread of Jenkins' timer pool, never on a Pipeline's CPS VM thread (finding S6 of the runtime
 * review); the listener waits at most {@link #WAIT} for it so the report lands in the console, then lets it finish in
 * the background (its report still lands on the build page). Never changes the build's result.
 */
@Extension
public final class FinalCleanup extends RunListener<Run<?, ?>> {

    /** How long a completing build waits for its cleanup before letting it finish in the background. */
    static final Duration WAIT = Duration.ofMinutes(2);

    @Override
    public void onCompleted(Run<?, ?> run, TaskListener listener) {
        if (CleanupMarker.isCleaned(run)) {
            RunLedgers.get().close(RunIds.of(run));
            return;
        }
        Future<?> cleanup = Timer.get().submit(() -> BuildCleanup.clean(run, listener, null, true));
        try {
            cleanup.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            new TaskListenerLogSink(listener).warn(Messages.FinalCleanup_background(WAIT.toMinutes()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            new TaskListenerLogSink(listener).warn(Messages.BuildCleanup_leftForReaper(String.valueOf(e.getCause())));
        }
    }
}
