package io.jenkins.plugins.dockerci.engine.testrun;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.services.wait.LineDecoder;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Passes a container's output on line by line as it comes: stdout as STDOUT, stderr as STDERR.
 *
 * <p>Attaches to the container before it starts rather than following its log: on Docker 20.10 a log follow
 * sometimes ends before the last bytes a container wrote just before exiting, while an attach sees them all.
 * No log replay ({@code logs=false}): the daemon hooks the live streams before it would replay the log file, so a
 * replay duplicates whatever the container wrote in between; and before the start there is nothing to replay, while
 * the start request cannot reach the daemon before the hooks are in place (they follow the response headers at once).
 */
final class OutputPump {

    private static final Duration ATTACH_TIMEOUT = Duration.ofSeconds(30);

    private final ResultCallback.Adapter<Frame> stream;

    private OutputPump(ResultCallback.Adapter<Frame> stream) {
        this.stream = stream;
    }

    /** Attaches to the created, not yet started {@code containerId}; returns once the attach is in place. */
    static OutputPump attach(DockerClient docker, String containerId, LogSink log) throws InterruptedException {
        LineDecoder out = new LineDecoder(line -> log.line(LogSink.Kind.STDOUT, line));
        LineDecoder err = new LineDecoder(line -> log.line(LogSink.Kind.STDERR, line));
        ResultCallback.Adapter<Frame> stream = docker.attachContainerCmd(containerId).withStdOut(true).withStdErr(true)
                .withFollowStream(true).withLogs(false).exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Frame frame) {
                        (frame.getStreamType() == StreamType.STDERR ? err : out).accept(frame.getPayload());
                    }

                    @Override
                    public void onComplete() {
                        out.finish();
                        err.finish();
                        super.onComplete();
                    }
                });
        if (!stream.awaitStarted(ATTACH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            closeQuietly(stream);
            throw new DockerCiException("Could not attach to the test container's output within " + ATTACH_TIMEOUT.toSeconds()
                    + " s; the Docker engine is not responding. Check its load and retry.");
        }
        return new OutputPump(stream);
    }

    /**
     * Waits until the output has been passed on completely (the stream ends when the container exited).
     * Not interruptible: called on the way out, when an interrupt has already been handled.
     */
    boolean awaitDrained(Duration timeout) {
        boolean interrupted = Thread.interrupted();
        try {
            long end = System.nanoTime() + timeout.toNanos();
            while (true) {
                try {
                    return stream.awaitCompletion(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void close() {
        closeQuietly(stream);
    }

    private static void closeQuietly(ResultCallback.Adapter<Frame> stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // the output stream of a container being removed: nothing left to read
        }
    }
}
