package io.jenkins.plugins.dockerci.engine.buildkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.http2.config.H2Param;
import org.apache.hc.core5.http2.frame.FrameFlag;
import org.apache.hc.core5.http2.frame.FrameType;
import org.apache.hc.core5.http2.hpack.HPackDecoder;
import org.apache.hc.core5.http2.hpack.HPackEncoder;
import org.apache.hc.core5.http2.hpack.HPackException;
import org.apache.hc.core5.util.ByteArrayBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The session's HTTP/2 server, driven by a test client that speaks frames as grpc-go (the engine's side) does. */
class GrpcServerConnectionTest {

    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final PipedOutputStream toServer = new PipedOutputStream();
    private final PipedInputStream fromClient = pipe(toServer);
    private final PipedOutputStream toClient = new PipedOutputStream();
    private final PipedInputStream fromServer = pipe(toClient);
    private final HPackEncoder encoder = new HPackEncoder(4096, StandardCharsets.UTF_8);
    private final HPackDecoder decoder = new HPackDecoder(4096, StandardCharsets.UTF_8);
    private CompletableFuture<Void> serving;

    @AfterEach
    void closePipes() throws IOException {
        toServer.close();
        toClient.close();
    }

    @Test
    void answersAUnaryCallWithHeadersMessageAndOkTrailers() throws Exception {
        start((method, request) -> method.equals("/test.Echo/Say") ? ("echo:" + new String(request, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8) : new byte[0]);
        connect(Map.of());

        call(1, "/test.Echo/Say", "hi".getBytes(StandardCharsets.UTF_8));
        Answer answer = answer(1);

        assertThat(answer.headers).containsEntry(":status", "200").containsEntry("content-type", "application/grpc");
        assertThat(answer.message()).isEqualTo("echo:hi");
        assertThat(answer.trailers).containsEntry("grpc-status", "0");
    }

    @Test
    void answersAnErrorStatusInTrailersOnlyWithAPercentEncodedMessage() throws Exception {
        start((method, request) -> {
            throw new GrpcStatusException(GrpcStatusException.UNIMPLEMENTED, "no 100% \u00fcber " + method);
        });
        connect(Map.of());

        call(3, "/moby.filesync.v1.FileSync/DiffCopy", new byte[0]);
        Answer answer = answer(3);

        assertThat(answer.data.size()).isZero();
        assertThat(answer.headers).containsEntry("grpc-status", "12")
                .containsEntry("grpc-message", "no 100%25 %C3%BCber /moby.filesync.v1.FileSync/DiffCopy");
    }

    @Test
    void anUnexpectedFailureOfTheHandlerBecomesInternalWithoutItsMessage() throws Exception {
        start((method, request) -> {
            throw new IllegalStateException("password=hunter2");
        });
        connect(Map.of());

        call(1, "/x.Y/Z", new byte[0]);
        Answer answer = answer(1);

        assertThat(answer.headers).containsEntry("grpc-status", "13").containsEntry("grpc-message", "IllegalStateException");
    }

    @Test
    void anAnswerLargerThanThePeersWindowWaitsForItsWindowUpdate() throws Exception {
        byte[] big = new byte[100];
        Arrays.fill(big, (byte) 'x');
        start((method, request) -> big);
        connect(Map.of(H2Param.INITIAL_WINDOW_SIZE, 10));

        call(1, "/x.Y/Z", new byte[0]);
        H2Frame headers = nextOnStream(1);
        H2Frame first = nextOnStream(1);
        assertThat(headers.type()).isEqualTo(FrameType.HEADERS.getValue());
        assertThat(first.type()).isEqualTo(FrameType.DATA.getValue());
        assertThat(first.payload()).hasSize(10);
        send(new H2Frame(FrameType.WINDOW_UPDATE.getValue(), 0, 1, ByteBuffer.allocate(4).putInt(1000).array()));
        Answer rest = answer(1);

        assertThat(rest.data.size()).isEqualTo(105 - 10);
        // the answer's first header block was read above: this one holds the trailers
        assertThat(rest.headers).containsEntry("grpc-status", "0");
    }

    @Test
    void answersPingsAndAcknowledgesSettings() throws Exception {
        start((method, request) -> new byte[0]);
        connect(Map.of(H2Param.MAX_FRAME_SIZE, 16384));
        byte[] opaque = {1, 2, 3, 4, 5, 6, 7, 8};

        send(new H2Frame(FrameType.PING.getValue(), 0, 0, opaque));
        H2Frame pong = next();

        assertThat(pong.type()).isEqualTo(FrameType.PING.getValue());
        assertThat(pong.has(FrameFlag.ACK)).isTrue();
        assertThat(pong.payload()).isEqualTo(opaque);
    }

    @Test
    void servesStreamIdsAboveSixtyFiveThousandAndHeaderBlocksContinuedInFrames() throws Exception {
        start((method, request) -> method.getBytes(StandardCharsets.UTF_8));
        connect(Map.of());
        int streamId = 0x00818181;
        byte[] block = headerBlock("/moby.buildkit.secrets.v1.Secrets/GetSecret");

        send(new H2Frame(FrameType.HEADERS.getValue(), 0, streamId, Arrays.copyOfRange(block, 0, 5)));
        send(new H2Frame(FrameType.CONTINUATION.getValue(), FrameFlag.END_HEADERS.getValue(), streamId,
                Arrays.copyOfRange(block, 5, block.length)));
        send(new H2Frame(FrameType.DATA.getValue(), FrameFlag.END_STREAM.getValue(), streamId, grpc(new byte[0])));

        assertThat(answer(streamId).message()).isEqualTo("/moby.buildkit.secrets.v1.Secrets/GetSecret");
    }

    @Test
    void stopsServingWhenThePeerSaysGoAway() throws Exception {
        start((method, request) -> new byte[0]);
        connect(Map.of());

        send(new H2Frame(FrameType.GOAWAY.getValue(), 0, 0, new byte[8]));

        serving.get(10, TimeUnit.SECONDS);
        assertThat(serving).isCompleted();
    }

    @Test
    void aPeerThatDoesNotSpeakHttp2IsRefused() throws Exception {
        start((method, request) -> new byte[0]);
        toServer.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        toServer.flush();

        assertThatThrownBy(() -> serving.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IOException.class)
                .hasMessageContaining("did not start HTTP/2");
    }

    private void start(GrpcHandler handler) {
        GrpcServerConnection connection = new GrpcServerConnection(fromClient, toClient, handler);
        serving = CompletableFuture.runAsync(() -> {
            try {
                connection.serve();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The client's preface and settings; checks the server's settings and its acknowledgement of ours. */
    private void connect(Map<H2Param, Integer> settings) throws IOException {
        toServer.write(PREFACE);
        ByteBuffer payload = ByteBuffer.allocate(6 * settings.size());
        settings.forEach((param, value) -> payload.putShort((short) param.getCode()).putInt(value));
        send(new H2Frame(FrameType.SETTINGS.getValue(), 0, 0, payload.array()));
        H2Frame serverSettings = next();
        assertThat(serverSettings.type()).isEqualTo(FrameType.SETTINGS.getValue());
        assertThat(serverSettings.has(FrameFlag.ACK)).isFalse();
        H2Frame ack = next();
        assertThat(ack.type()).isEqualTo(FrameType.SETTINGS.getValue());
        assertThat(ack.has(FrameFlag.ACK)).isTrue();
    }

    private void call(int streamId, String path, byte[] message) throws IOException {
        send(new H2Frame(FrameType.HEADERS.getValue(), FrameFlag.END_HEADERS.getValue(), streamId, headerBlock(path)));
        send(new H2Frame(FrameType.DATA.getValue(), FrameFlag.END_STREAM.getValue(), streamId, grpc(message)));
    }

    private byte[] headerBlock(String path) throws IOException {
        ByteArrayBuffer block = new ByteArrayBuffer(256);
        List<Header> headers = List.of(new BasicHeader(":method", "POST"), new BasicHeader(":scheme", "http"),
                new BasicHeader(":path", path), new BasicHeader(":authority", "localhost"),
                new BasicHeader("content-type", "application/grpc"), new BasicHeader("te", "trailers"),
                new BasicHeader("grpc-timeout", "9999m"));
        encoder.encodeHeaders(block, headers, true);
        return block.toByteArray();
    }

    private static byte[] grpc(byte[] message) {
        return ByteBuffer.allocate(5 + message.length).put((byte) 0).putInt(message.length).put(message).array();
    }

    private void send(H2Frame frame) throws IOException {
        frame.write(toServer);
        toServer.flush();
    }

    private H2Frame next() throws IOException {
        return H2Frame.read(fromServer);
    }

    /** The next frame of the stream; connection-level frames (window updates) are skipped. */
    private H2Frame nextOnStream(int streamId) throws IOException {
        while (true) {
            H2Frame frame = next();
            if (frame.streamId() == streamId) {
                return frame;
            }
            assertThat(frame.streamId()).as("frame of type %d", frame.type()).isZero();
        }
    }

    /** The rest of a stream's answer: its header blocks and its data, until END_STREAM. */
    private Answer answer(int streamId) throws IOException, HPackException {
        Answer answer = new Answer();
        while (true) {
            H2Frame frame = nextOnStream(streamId);
            if (frame.type() == FrameType.HEADERS.getValue()) {
                Map<String, String> headers = new LinkedHashMap<>();
                decoder.decodeHeaders(ByteBuffer.wrap(frame.content())).forEach(h -> headers.put(h.getName(), h.getValue()));
                (answer.headers.isEmpty() ? answer.headers : answer.trailers).putAll(headers);
            } else if (frame.type() == FrameType.DATA.getValue()) {
                answer.data.writeBytes(frame.content());
            }
            if (frame.has(FrameFlag.END_STREAM)) {
                return answer;
            }
        }
    }

    private static PipedInputStream pipe(PipedOutputStream source) {
        try {
            return new PipedInputStream(source, 1 << 20);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final class Answer {
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Map<String, String> trailers = new LinkedHashMap<>();
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();

        String message() {
            byte[] bytes = data.toByteArray();
            int length = ByteBuffer.wrap(bytes, 1, 4).getInt();
            assertThat(bytes).hasSize(5 + length);
            return new String(bytes, 5, length, StandardCharsets.UTF_8);
        }
    }
}
