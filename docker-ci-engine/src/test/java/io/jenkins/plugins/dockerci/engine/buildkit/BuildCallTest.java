package io.jenkins.plugins.dockerci.engine.buildkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.docker.DockerEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.impl.io.DefaultBHttpServerConnection;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP/1.1 exchange of a BuildKit build on its own connection, against a stand-in for the engine on 127.0.0.1
 * (what the engine does with a build is covered by BuildKitBuilderIT): the context reaches the engine whole and in
 * order, chunked, the answer is read, and an abort ends a stalled upload.
 */
class BuildCallTest {

    private static final long HANG_GUARD_SECONDS = 60;
    private static final String IMAGE = "sha256:" + "ab".repeat(32);

    private final ServerSocket server = listen();
    private final DockerEndpoint endpoint = DockerEndpoint.of("tcp://127.0.0.1:" + server.getLocalPort());

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    @Test
    void sendsTheContextWholeThenReadsTheProgressAndTheImage() throws Exception {
        byte[] context = new byte[3 << 20];
        new Random(1).nextBytes(context);
        AtomicReference<String> requestLine = new AtomicReference<>();
        AtomicReference<String> contentType = new AtomicReference<>();
        CompletableFuture<byte[]> received = engine(exchange -> {
            requestLine.set(exchange.request.getMethod() + " " + exchange.request.getRequestUri());
            contentType.set(exchange.request.getFirstHeader("Content-Type").getValue());
            byte[] body = exchange.body();
            exchange.answer(200, "{\"stream\":\"Step one\\n\"}\n{\"id\":\"moby.image.id\",\"aux\":{\"ID\":\"" + IMAGE + "\"}}\n");
            return body;
        });
        StringBuilder log = new StringBuilder();

        BuildCall call = call(body -> {
            // in pieces of every size, as the tar writer sends them
            for (int offset = 0; offset < context.length; offset += 7_000) {
                body.write(context, offset, Math.min(7_000, context.length - offset));
            }
        }, (kind, text) -> log.append(text).append('\n'));

        assertThat(call.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(call.transportError()).isNull();
        assertThat(call.imageId()).isEqualTo(IMAGE);
        assertThat(received.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).isEqualTo(context);
        assertThat(requestLine.get()).isEqualTo("POST /build?version=2&t=app");
        assertThat(contentType.get()).isEqualTo("application/x-tar");
        assertThat(log).hasToString("Step one\n");
    }

    @Test
    void anEngineThatRejectsTheBuildIsQuoted() throws Exception {
        engine(exchange -> {
            exchange.body();
            exchange.answer(400, "{\"message\":\"invalid platform: linux/nowhere\"}");
            return null;
        });

        BuildCall call = call(body -> body.write(new byte[1024]), LogSink.NONE);

        assertThat(call.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(call.rejectedStatus()).isEqualTo(400);
        assertThat(call.engineError()).isEqualTo("invalid platform: linux/nowhere");
        assertThat(call.imageId()).isNull();
    }

    @Test
    void aContextThatFailsEndsTheCallWithItsFailure() throws Exception {
        engine(exchange -> {
            exchange.body();
            return null;
        });
        IOException unreadable = new IOException("The build context could not be archived: secret.txt: Permission denied");

        BuildCall call = call(body -> {
            body.write(new byte[100_000]);
            throw unreadable;
        }, LogSink.NONE);

        assertThat(call.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(call.transportError()).isSameAs(unreadable);
        assertThat(call.imageId()).isNull();
    }

    @Test
    void abortEndsAnUploadTheEngineStoppedReading() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        engine(exchange -> {
            // reads nothing: the upload fills the socket buffers and blocks
            release.await();
            return null;
        });
        CountDownLatch uploading = new CountDownLatch(1);

        BuildCall call = call(body -> {
            byte[] chunk = new byte[1 << 16];
            while (true) {
                body.write(chunk);
                uploading.countDown();
            }
        }, LogSink.NONE);
        assertThat(uploading.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(call.await(200, TimeUnit.MILLISECONDS)).isFalse();

        call.abort();

        assertThat(call.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(call.transportError()).isInstanceOf(IOException.class);
        release.countDown();
    }

    private BuildCall call(ContextUpload context, LogSink log) {
        BuildCall call = new BuildCall(endpoint, "/build?version=2&t=app", context, new PlainProgress(log), log);
        call.start();
        return call;
    }

    /** Serves one request on a thread of its own; the future completes with what {@code handler} returns. */
    private <T> CompletableFuture<T> engine(Handler<T> handler) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try (Socket socket = server.accept()) {
                DefaultBHttpServerConnection connection = new DefaultBHttpServerConnection("http", null);
                connection.bind(socket);
                ClassicHttpRequest request = connection.receiveRequestHeader();
                connection.receiveRequestEntity(request);
                result.complete(handler.handle(new Exchange(connection, request)));
            } catch (Exception | AssertionError e) {
                result.completeExceptionally(e);
            }
        }, "fake-engine");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    private static ServerSocket listen() {
        try {
            return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface Handler<T> {
        T handle(Exchange exchange) throws Exception;
    }

    private record Exchange(DefaultBHttpServerConnection connection, ClassicHttpRequest request) {
        byte[] body() throws IOException {
            try (InputStream in = request.getEntity().getContent()) {
                return in.readAllBytes();
            }
        }

        void answer(int status, String body) throws Exception {
            ClassicHttpResponse response = new BasicClassicHttpResponse(status);
            response.setHeader("Transfer-Encoding", "chunked");
            response.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON, true));
            connection.sendResponseHeader(response);
            connection.sendResponseEntity(response);
            connection.flush();
            connection.close();
        }
    }
}
