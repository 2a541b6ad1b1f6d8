package io.jenkins.plugins.dockerci.engine.testrun;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.services.ExitWatch;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Starts the created test container, streams its output, and waits for it to exit, to time out or for the calling
 * thread to be interrupted; in the last two cases stops it (SIGTERM, grace period, SIGKILL).
 *
 * <p>On interrupt the flag is consumed here so that the following Docker calls (report copy, cleanup) work; the
 * caller restores it once done, as {@link Termination#INTERRUPTED} tells it to.
 */
final class TestExecution {

    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_MARGIN = Duration.ofSeconds(30);

    private final DockerClient docker;
    private final LogSink log;

    TestExecution(DockerClient docker, LogSink log) {
        this.docker = docker;
        this.log = log;
    }

    record Result(Termination termination, OptionalInt exitCode) {
    }

    Result run(String containerId, Duration timeout, Duration grace) {
        OutputPump output;
        try {
            output = OutputPump.attach(docker, containerId, log);
        } catch (InterruptedException e) {
            log.warn("Interrupted before the test container started");
            return new Result(Termination.INTERRUPTED, OptionalInt.empty());
        }
        ExitWatch exit;
        try {
            docker.startContainerCmd(containerId).exec();
            exit = ExitWatch.start(docker, containerId);
        } catch (RuntimeException e) {
            output.close();
            throw e;
        }
        Termination termination;
        try {
            if (exit.await(timeout)) {
                termination = Termination.EXITED;
            } else {
                log.warn("The test command did not finish within " + seconds(timeout) + "; stopping it (grace period "
                        + seconds(grace) + ")");
                termination = Termination.TIMED_OUT;
            }
        } catch (InterruptedException e) {
            log.warn("Interrupted: stopping the test container (grace period " + seconds(grace) + ")");
            termination = Termination.INTERRUPTED;
        }
        try {
            if (termination != Termination.EXITED) {
                stop(containerId, grace);
                awaitExit(exit, grace.plus(STOP_MARGIN));
            }
            if (!output.awaitDrained(DRAIN_TIMEOUT)) {
                log.warn("The test container's output did not end within " + seconds(DRAIN_TIMEOUT) + " after it exited");
            }
            return new Result(termination, exit.exitCode());
        } finally {
            output.close();
            exit.close();
        }
    }

    private void stop(String containerId, Duration grace) {
        try {
            docker.stopContainerCmd(containerId).withTimeout((int) Math.min(Integer.MAX_VALUE, grace.toSeconds())).exec();
        } catch (NotModifiedException | NotFoundException alreadyStopped) {
            // it exited on its own meanwhile: nothing to stop
        }
    }

    private static void awaitExit(ExitWatch exit, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        boolean interrupted = false;
        while (!exit.exited() && System.nanoTime() - end < 0) {
            try {
                exit.await(Duration.ofNanos(end - System.nanoTime()));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
