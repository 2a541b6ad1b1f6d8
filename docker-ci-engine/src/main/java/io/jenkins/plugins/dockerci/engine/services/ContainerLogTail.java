package io.jenkins.plugins.dockerci.engine.services;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.jenkins.plugins.dockerci.engine.services.wait.LineDecoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads the last lines of a container's output, for error messages. */
public final class ContainerLogTail {

    /** How many lines error messages include. */
    public static final int DEFAULT_LINES = 50;

    private ContainerLogTail() {
    }

    /**
     * The last {@code count} lines of stdout and stderr (interleaved as Docker returns them), or a single line
     * explaining why they could not be read. Waits at most 10 seconds.
     */
    public static List<String> lastLines(DockerClient docker, String containerId, int count) {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        LineDecoder out = new LineDecoder(lines::add);
        LineDecoder err = new LineDecoder(lines::add);
        try (var reader = docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withTail(count)
                .exec(new ResultCallback.Adapter<Frame>() {
                    @Override
                    public void onNext(Frame frame) {
                        (frame.getStreamType() == StreamType.STDERR ? err : out)
                                .accept(frame.getPayload());
                    }
                })) {
            if (!reader.awaitCompletion(10, TimeUnit.SECONDS)) {
                lines.add("(log incomplete: reading it took more than 10 s)");
            }
            out.finish();
            err.finish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lines.add("(log not read: interrupted)");
        } catch (IOException | RuntimeException e) {
            lines.add("(log not available: " + OneLine.of(e.getMessage()) + ")");
        }
        synchronized (lines) {
            return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
        }
    }
}
