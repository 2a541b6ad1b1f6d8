package io.jenkins.plugins.dockerci.engine.services.wait;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ready when a command run inside the service container (for example {@code pg_isready}) exits with 0.
 * The command is retried every poll interval; its output is discarded.
 */
public final class CommandWaitStrategy implements WaitStrategy {

    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration MAX_ATTEMPT = Duration.ofSeconds(10);

    private final List<String> argv;
    private final Duration pollInterval;

    CommandWaitStrategy(List<String> argv, Duration pollInterval) {
        if (argv.isEmpty() || argv.get(0).isBlank()) {
            throw new IllegalArgumentException("a command wait needs a command, was " + argv);
        }
        this.argv = List.copyOf(argv);
        this.pollInterval = Poll.requireValidInterval(pollInterval);
    }

    /** A copy that runs the command again every {@code interval} until it succeeds. */
    public CommandWaitStrategy withPollInterval(Duration interval) {
        return new CommandWaitStrategy(argv, interval);
    }

    public List<String> command() {
        return argv;
    }

    @Override
    public boolean waitUntilReady(WaitTarget target, Deadline deadline) throws InterruptedException {
        return Poll.until(target, deadline, pollInterval, () -> succeeds(target, deadline));
    }

    private boolean succeeds(WaitTarget target, Deadline deadline) throws InterruptedException {
        try {
            return attempt(target, deadline);
        } catch (ConflictException | NotFoundException stoppedMeanwhile) {
            // the container stopped between our running() check and the exec; the caller sees running() == false
            return false;
        }
    }

    private boolean attempt(WaitTarget target, Deadline deadline) throws InterruptedException {
        String execId = target.docker().execCreateCmd(target.containerId())
                .withCmd(argv.toArray(String[]::new)).withAttachStdout(true).withAttachStderr(true).exec().getId();
        try (ResultCallback.Adapter<Frame> attempt = target.docker().execStartCmd(execId).exec(new ResultCallback.Adapter<>())) {
            if (!attempt.awaitCompletion(deadline.remainingAtMost(MAX_ATTEMPT).toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
        } catch (IOException closing) {
            return false;
        }
        Long exitCode = target.docker().inspectExecCmd(execId).exec().getExitCodeLong();
        return exitCode != null && exitCode == 0;
    }

    @Override
    public String description() {
        return "command " + argv + " exiting with 0";
    }

    @Override
    public String toString() {
        return description();
    }
}
