package io.jenkins.plugins.dockerci.engine.testrun;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.services.wait.LineDecoder;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Follows a container's output and passes it on line by line as it comes: stdout as STDOUT, stderr as STDERR. */
final class OutputPump {

    private final ResultCallback.Adapter<Frame> stream;

    private OutputPump(ResultCallback.Adapter<Frame> stream) {
        this.stream = stream;
    }

    /** Starts following {@code containerId} from its first byte. */
    static OutputPump follow(DockerClient docker, String containerId, LogSink log) {
        LineDecoder out = new LineDecoder(line -> log.line(LogSink.Kind.STDOUT, line));
        LineDecoder err = new LineDecoder(line -> log.line(LogSink.Kind.STDERR, line));
        return new OutputPump(docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withFollowStream(true)
                .withTailAll().exec(new ResultCallback.Adapter<>() {
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
                }));
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
        try {
            stream.close();
        } catch (IOException ignored) {
            // the output stream of a container being removed: nothing left to read
        }
    }
}
