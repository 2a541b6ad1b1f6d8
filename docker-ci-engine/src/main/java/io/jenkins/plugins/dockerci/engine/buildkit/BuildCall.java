package io.jenkins.plugins.dockerci.engine.buildkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import io.jenkins.plugins.dockerci.engine.LogSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One {@code POST /build?version=2} on its own thread: sends the context, then reads the engine's answer as it
 * arrives ({@link BuildStream}). {@link #abort()} closes the request from another thread.
 */
final class BuildCall {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final DockerHttpClient http;
    private final String path;
    private final InputStream context;
    private final PlainProgress progress;
    private final BuildStream stream;
    private final Thread thread;
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicReference<DockerHttpClient.Response> response = new AtomicReference<>();
    private volatile String imageId;
    private volatile String engineError;
    private volatile int rejectedStatus;
    private volatile Throwable transportError;
    private volatile boolean aborted;

    BuildCall(DockerHttpClient http, String path, InputStream context, PlainProgress progress, LogSink log) {
        this.http = http;
        this.path = path;
        this.context = context;
        this.progress = progress;
        this.stream = new BuildStream(progress, log);
        this.thread = new Thread(this::run, "docker-ci-buildkit-build");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Waits for the engine to end the build; {@code false} when the time ran out first. */
    boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return done.await(timeout, unit);
    }

    /** Closes the request: the context upload and the response stream stop, and the engine cancels the build. */
    void abort() {
        aborted = true;
        try {
            context.close();
        } catch (IOException alreadyClosed) {
            // the upload stops either way
        }
        DockerHttpClient.Response current = response.get();
        if (current != null) {
            current.close();
        }
    }

    /** Waits (bounded) for the thread to stop writing to the log after {@link #abort()}. */
    void awaitStopped(long timeout, TimeUnit unit) throws InterruptedException {
        thread.join(Math.max(1, unit.toMillis(timeout)));
    }

    /** The id of the image built ({@code sha256:…}), or {@code null}. */
    String imageId() {
        return imageId;
    }

    /** The error the engine reported in the stream, or {@code null}. */
    String engineError() {
        return engineError;
    }

    /** The HTTP status when the engine rejected the request outright, else 0. */
    int rejectedStatus() {
        return rejectedStatus;
    }

    /** Why the request or the stream broke, or {@code null}. */
    Throwable transportError() {
        return transportError;
    }

    private void run() {
        try {
            DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                    .method(DockerHttpClient.Request.Method.POST)
                    .path(path)
                    .headers(Map.of("Content-Type", "application/x-tar"))
                    .body(context)
                    .build();
            DockerHttpClient.Response answer = http.execute(request);
            response.set(answer);
            if (aborted) {
                answer.close();
                return;
            }
            try (answer) {
                if (answer.getStatusCode() != 200) {
                    rejectedStatus = answer.getStatusCode();
                    engineError = errorMessage(answer.getBody());
                } else {
                    stream.read(answer.getBody());
                    imageId = stream.imageId();
                    engineError = stream.engineError();
                }
            }
        } catch (IOException | RuntimeException e) {
            transportError = e;
        } finally {
            progress.flush();
            done.countDown();
        }
    }

    /** The engine's {@code {"message": …}}, else the body as text. */
    private static String errorMessage(InputStream body) throws IOException {
        String text = new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8).strip();
        try {
            JsonNode message = JSON.readTree(text).path("message");
            return message.isTextual() ? message.asText() : text;
        } catch (IOException notJson) {
            return text;
        }
    }
}
