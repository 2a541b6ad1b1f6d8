package io.jenkins.plugins.dockerci.engine.buildkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.docker.DockerEndpoint;
import io.jenkins.plugins.dockerci.engine.docker.EngineSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HeaderElements;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;

/**
 * One {@code POST /build?version=2} on its own thread and its own connection to the engine: the context is written
 * straight into the request body as it is archived ({@link ContextUpload}), in chunks of {@value #CHUNK} bytes, then
 * the engine's answer is read as it arrives ({@link BuildStream}). {@link #abort()} closes the connection from
 * another thread.
 *
 * <p>The connection is its own, not one of docker-java's pooled ones, because docker-java's transport only takes a
 * body to pull from: a second thread would have to archive into a pipe, and its small fixed buffers split the upload
 * into many more writes. HTTP/1.1 itself is httpcore5's.
 */
final class BuildCall {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final int CHUNK = 1 << 16;

    private final DockerEndpoint endpoint;
    private final String path;
    private final ContextUpload context;
    private final PlainProgress progress;
    private final BuildStream stream;
    private final Thread thread;
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicReference<Socket> connection = new AtomicReference<>();
    private volatile String imageId;
    private volatile String engineError;
    private volatile int rejectedStatus;
    private volatile Throwable transportError;
    private volatile boolean aborted;

    BuildCall(DockerEndpoint endpoint, String path, ContextUpload context, PlainProgress progress, LogSink log) {
        this.endpoint = endpoint;
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

    /** Closes the connection: the context upload and the response stream stop, and the engine cancels the build. */
    void abort() {
        aborted = true;
        Socket current = connection.get();
        if (current != null) {
            closeQuietly(current);
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
        try (Socket socket = EngineSocket.connect(endpoint)) {
            connection.set(socket);
            // an abort that came before the connection was known could not close it
            if (!aborted) {
                exchange(socket);
            }
        } catch (IOException | HttpException | RuntimeException e) {
            transportError = e;
        } finally {
            progress.flush();
            done.countDown();
        }
    }

    private void exchange(Socket socket) throws IOException, HttpException {
        DefaultBHttpClientConnection http = new DefaultBHttpClientConnection(Http1Config.custom()
                .setBufferSize(CHUNK)
                .setChunkSizeHint(CHUNK)
                .build());
        http.bind(socket);
        ClassicHttpRequest request = new BasicClassicHttpRequest(Method.POST, path);
        request.setHeader(HttpHeaders.HOST, EngineSocket.hostHeader(endpoint));
        request.setHeader(HttpHeaders.CONTENT_TYPE, UploadEntity.TAR);
        request.setHeader(HttpHeaders.TRANSFER_ENCODING, HeaderElements.CHUNKED_ENCODING);
        request.setEntity(new UploadEntity(context));
        http.sendRequestHeader(request);
        http.sendRequestEntity(request);
        http.flush();
        ClassicHttpResponse answer = http.receiveResponseHeader();
        http.receiveResponseEntity(answer);
        HttpEntity entity = answer.getEntity();
        try (InputStream body = entity == null ? InputStream.nullInputStream() : entity.getContent()) {
            if (answer.getCode() != 200) {
                rejectedStatus = answer.getCode();
                engineError = errorMessage(body);
            } else {
                stream.read(body);
                imageId = stream.imageId();
                engineError = stream.engineError();
            }
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

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException alreadyClosed) {
            // the build thread's next read or write fails either way
        }
    }

    /** The request body: whatever the context writes, sent chunked as it comes. */
    private static final class UploadEntity extends AbstractHttpEntity {
        static final String TAR = "application/x-tar";
        private final ContextUpload context;

        UploadEntity(ContextUpload context) {
            super(TAR, null, true);
            this.context = context;
        }

        @Override
        public void writeTo(OutputStream body) throws IOException {
            context.writeTo(body);
        }

        @Override
        public InputStream getContent() {
            throw new UnsupportedOperationException("the build context is written, not read");
        }

        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public boolean isRepeatable() {
            return false;
        }

        @Override
        public boolean isStreaming() {
            return true;
        }

        @Override
        public void close() {
            // nothing held: the context's files are closed as it writes them
        }
    }
}
