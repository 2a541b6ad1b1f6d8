package io.jenkins.plugins.dockerci.engine.testrun;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.services.ExitWatch;
import io.jenkins.plugins.dockerci.engine.services.Interruption;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Starts the created test container, streams its output, and waits for it to exit, to time out or for the calling
 * thread to be interrupted; in the last two cases stops it (SIGTERM, grace period, SIGKILL).
 *
 * <p>An interrupt (also one that made a Docker call fail) is consumed here so that the following Docker calls
 * (stop, report copy, cleanup) work; the caller restores the flag once done, as {@link Termination#INTERRUPTED} tells it to.
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
        OutputPump output = null;
        ExitWatch exit = null;
        Termination termination;
        try {
            output = OutputPump.attach(docker, containerId, log);
            docker.startContainerCmd(containerId).exec();
            exit = ExitWatch.start(docker, containerId);
            termination = exit.await(timeout) ? Termination.EXITED : Termination.TIMED_OUT;
        } catch (InterruptedException e) {
            termination = Termination.INTERRUPTED;
        } catch (RuntimeException e) {
            if (!Interruption.causedBy(e)) {
                close(output, exit);
                throw e;
            }
            termination = Termination.INTERRUPTED;
        }
        if (termination == Termination.INTERRUPTED) {
            // from here on Docker calls must work: the interrupt is reported through the termination instead
            Thread.interrupted();
        }
        try {
            if (termination != Termination.EXITED) {
                log.warn(termination == Termination.TIMED_OUT
                        ? "The test command did not finish within " + seconds(timeout) + "; stopping it (grace period " + seconds(grace) + ")"
                        : "Interrupted: stopping the test container (grace period " + seconds(grace) + ")");
                stop(containerId, grace);
                exit = exit != null ? exit : ExitWatch.start(docker, containerId);
                awaitExit(exit, grace.plus(STOP_MARGIN));
            }
            if (output != null && !output.awaitDrained(DRAIN_TIMEOUT)) {
                log.warn("The test container's output did not end within " + seconds(DRAIN_TIMEOUT) + " after it exited");
            }
            return new Result(termination, exit.exitCode());
        } finally {
            close(output, exit);
        }
    }

    private static void close(OutputPump output, ExitWatch exit) {
        if (output != null) {
            output.close();
        }
        if (exit != null) {
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
