package io.jenkins.plugins.dockerci.engine.buildkit;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http2.H2Error;
import org.apache.hc.core5.http2.config.H2Param;
import org.apache.hc.core5.http2.frame.FrameFlag;
import org.apache.hc.core5.http2.frame.FrameType;
import org.apache.hc.core5.http2.hpack.HPackDecoder;
import org.apache.hc.core5.http2.hpack.HPackEncoder;
import org.apache.hc.core5.http2.hpack.HPackException;
import org.apache.hc.core5.util.ByteArrayBuffer;

/**
 * The server side of one HTTP/2 connection that carries unary gRPC calls: what the client of a BuildKit session is
 * after the engine upgraded {@code POST /session} to h2c (the engine then dials gRPC calls into it).
 *
 * <p>One thread reads frames and answers each call when its request has arrived; answers bigger than the peer's
 * flow-control window wait for its {@code WINDOW_UPDATE}s. Received data is acknowledged at once, so the peer never
 * runs out of window. Settings, pings and {@code GOAWAY} are handled as RFC 9113 requires; server push and
 * priorities are not used. Request headers are decoded with httpcore5-h2's HPACK decoder; answers are encoded as
 * never-indexed literals, so no encoder state has to follow the peer's table size.
 */
final class GrpcServerConnection {

    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int DEFAULT_WINDOW = 65_535;
    private static final int HEADER_TABLE_SIZE = 4096;
    private static final int GRPC_PREFIX = 5;
    private static final int MAX_REQUEST = 4 << 20;

    private final InputStream in;
    private final OutputStream out;
    private final GrpcHandler handler;
    private final HPackDecoder decoder = new HPackDecoder(HEADER_TABLE_SIZE, StandardCharsets.UTF_8);
    private final HPackEncoder encoder = new HPackEncoder(HEADER_TABLE_SIZE, StandardCharsets.UTF_8);
    private final Map<Integer, Call> calls = new LinkedHashMap<>();
    private int peerInitialWindow = DEFAULT_WINDOW;
    private int peerMaxFrame = H2Frame.MAX_PAYLOAD;
    private long connectionSendWindow = DEFAULT_WINDOW;
    private int continuedStream;
    private boolean continuedEndsStream;
    private ByteArrayOutputStream continuedBlock;

    /**
     * @param in      what the peer sends, starting with its connection preface
     * @param out     where frames go; buffered by the caller, flushed here after each batch
     * @param handler answers the calls
     */
    GrpcServerConnection(InputStream in, OutputStream out, GrpcHandler handler) {
        this.in = in;
        this.out = out;
        this.handler = handler;
    }

    /**
     * Serves calls until the peer closes the connection or says {@code GOAWAY}.
     *
     * @throws IOException when the connection breaks or the peer breaks the protocol (after telling it so)
     */
    void serve() throws IOException {
        // the server's connection preface: our settings, all defaults
        send(FrameType.SETTINGS, 0, 0, new byte[0]);
        out.flush();
        byte[] preface = in.readNBytes(PREFACE.length);
        if (!Arrays.equals(preface, PREFACE)) {
            throw new IOException("the engine did not start HTTP/2 on the session connection");
        }
        try {
            while (true) {
                H2Frame frame;
                try {
                    frame = H2Frame.read(in);
                } catch (EOFException closed) {
                    return;
                }
                if (!onFrame(frame)) {
                    return;
                }
                out.flush();
            }
        } catch (H2Frame.H2ProtocolException | HPackException e) {
            H2Error error = e instanceof HPackException ? H2Error.COMPRESSION_ERROR : H2Error.PROTOCOL_ERROR;
            goAway(error, e.getMessage());
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Handles one frame; {@code false} when the connection is over. */
    private boolean onFrame(H2Frame frame) throws IOException, HPackException {
        if (continuedBlock != null && frame.type() != FrameType.CONTINUATION.getValue()) {
            throw new H2Frame.H2ProtocolException("a header block was interrupted by a frame of type " + frame.type());
        }
        FrameType type = FrameType.valueOf(frame.type());
        if (type == null) {
            // unknown frame types must be ignored (RFC 9113 §5.5)
            return true;
        }
        switch (type) {
            case SETTINGS -> onSettings(frame);
            case PING -> {
                if (!frame.has(FrameFlag.ACK)) {
                    send(FrameType.PING, FrameFlag.ACK.getValue(), 0, frame.payload());
                }
            }
            case WINDOW_UPDATE -> onWindowUpdate(frame);
            case HEADERS -> onHeaders(frame);
            case CONTINUATION -> onContinuation(frame);
            case DATA -> onData(frame);
            case RST_STREAM -> calls.remove(frame.streamId());
            case GOAWAY -> {
                return false;
            }
            default -> {
                // PRIORITY and PRIORITY_UPDATE are advisory; a client never sends PUSH_PROMISE
            }
        }
        return true;
    }

    private void onSettings(H2Frame frame) throws IOException {
        if (frame.has(FrameFlag.ACK)) {
            return;
        }
        byte[] p = frame.payload();
        if (p.length % 6 != 0) {
            throw new H2Frame.H2ProtocolException("SETTINGS payload of " + p.length + " bytes");
        }
        for (int i = 0; i < p.length; i += 6) {
            int id = (p[i] & 0xFF) << 8 | (p[i + 1] & 0xFF);
            int value = (p[i + 2] & 0xFF) << 24 | (p[i + 3] & 0xFF) << 16 | (p[i + 4] & 0xFF) << 8 | (p[i + 5] & 0xFF);
            if (id == H2Param.INITIAL_WINDOW_SIZE.getCode()) {
                int delta = value - peerInitialWindow;
                peerInitialWindow = value;
                calls.values().forEach(call -> call.sendWindow += delta);
            } else if (id == H2Param.MAX_FRAME_SIZE.getCode()) {
                peerMaxFrame = value;
            }
        }
        send(FrameType.SETTINGS, FrameFlag.ACK.getValue(), 0, new byte[0]);
        sendPending();
    }

    private void onWindowUpdate(H2Frame frame) throws IOException {
        byte[] p = frame.payload();
        if (p.length != 4) {
            throw new H2Frame.H2ProtocolException("WINDOW_UPDATE payload of " + p.length + " bytes");
        }
        int increment = (p[0] & 0x7F) << 24 | (p[1] & 0xFF) << 16 | (p[2] & 0xFF) << 8 | (p[3] & 0xFF);
        if (frame.streamId() == 0) {
            connectionSendWindow += increment;
            sendPending();
        } else {
            Call call = calls.get(frame.streamId());
            if (call != null) {
                call.sendWindow += increment;
                sendPending(call);
            }
        }
    }

    private void onHeaders(H2Frame frame) throws IOException, HPackException {
        if (frame.streamId() == 0) {
            throw new H2Frame.H2ProtocolException("HEADERS on stream 0");
        }
        if (frame.has(FrameFlag.END_HEADERS)) {
            onHeaderBlock(frame.streamId(), frame.content(), frame.has(FrameFlag.END_STREAM));
        } else {
            continuedStream = frame.streamId();
            continuedEndsStream = frame.has(FrameFlag.END_STREAM);
            continuedBlock = new ByteArrayOutputStream();
            continuedBlock.writeBytes(frame.content());
        }
    }

    private void onContinuation(H2Frame frame) throws IOException, HPackException {
        if (continuedBlock == null || frame.streamId() != continuedStream) {
            throw new H2Frame.H2ProtocolException("CONTINUATION without a header block on stream " + frame.streamId());
        }
        continuedBlock.writeBytes(frame.payload());
        if (frame.has(FrameFlag.END_HEADERS)) {
            byte[] block = continuedBlock.toByteArray();
            continuedBlock = null;
            onHeaderBlock(continuedStream, block, continuedEndsStream);
        }
    }

    private void onHeaderBlock(int streamId, byte[] block, boolean endStream) throws IOException, HPackException {
        // decoded even when ignored: the decoder's table must see every block
        List<Header> headers = decoder.decodeHeaders(ByteBuffer.wrap(block));
        if (calls.containsKey(streamId)) {
            // trailers of a request: gRPC clients send none that matter
            if (endStream) {
                answer(calls.get(streamId));
            }
            return;
        }
        String path = headers.stream().filter(h -> ":path".equals(h.getName())).map(Header::getValue).findFirst().orElse("");
        Call call = new Call(streamId, path, peerInitialWindow);
        calls.put(streamId, call);
        if (endStream) {
            answer(call);
        }
    }

    private void onData(H2Frame frame) throws IOException {
        int received = frame.payload().length;
        if (received > 0) {
            // acknowledged at once: requests are small and answered on arrival, so nothing needs to be held back
            send(FrameType.WINDOW_UPDATE, 0, 0, increment(received));
        }
        Call call = calls.get(frame.streamId());
        if (call == null || call.answered) {
            return;
        }
        call.request.writeBytes(frame.content());
        if (call.request.size() > MAX_REQUEST) {
            calls.remove(call.streamId);
            send(FrameType.RST_STREAM, 0, call.streamId, errorCode(H2Error.REFUSED_STREAM));
            return;
        }
        if (frame.has(FrameFlag.END_STREAM)) {
            answer(call);
        } else if (received > 0) {
            send(FrameType.WINDOW_UPDATE, 0, call.streamId, increment(received));
        }
    }

    private void answer(Call call) throws IOException {
        call.answered = true;
        byte[] response;
        try {
            response = handler.handle(call.path, grpcMessage(call.request.toByteArray()));
        } catch (GrpcStatusException e) {
            sendStatusOnly(call, e.code(), e.getMessage());
            return;
        } catch (RuntimeException e) {
            sendStatusOnly(call, GrpcStatusException.INTERNAL, e.getClass().getSimpleName());
            return;
        }
        sendHeaders(call.streamId, List.of(header(":status", "200"), header("content-type", "application/grpc")), false);
        call.pending = new byte[GRPC_PREFIX + response.length];
        ByteBuffer.wrap(call.pending).put((byte) 0).putInt(response.length).put(response);
        sendPending(call);
    }

    /** The message of a gRPC request body: one length-prefixed, uncompressed message. */
    private static byte[] grpcMessage(byte[] body) {
        if (body.length < GRPC_PREFIX) {
            throw new GrpcStatusException(GrpcStatusException.INTERNAL, "request without a gRPC message");
        }
        ByteBuffer buffer = ByteBuffer.wrap(body);
        if (buffer.get() != 0) {
            throw new GrpcStatusException(GrpcStatusException.INTERNAL, "compressed gRPC messages are not supported");
        }
        int length = buffer.getInt();
        if (length < 0 || length > buffer.remaining()) {
            throw new GrpcStatusException(GrpcStatusException.INTERNAL, "gRPC message length " + length + " exceeds the request");
        }
        return Arrays.copyOfRange(body, GRPC_PREFIX, GRPC_PREFIX + length);
    }

    private void sendPending() throws IOException {
        for (Call call : new ArrayList<>(calls.values())) {
            sendPending(call);
        }
    }

    /** Sends as much of the call's answer as the windows allow; the trailers once all of it is sent. */
    private void sendPending(Call call) throws IOException {
        if (call.pending == null) {
            return;
        }
        while (call.sent < call.pending.length) {
            long window = Math.min(connectionSendWindow, call.sendWindow);
            int chunk = (int) Math.min(Math.min(window, peerMaxFrame), call.pending.length - call.sent);
            if (chunk <= 0) {
                return;
            }
            send(FrameType.DATA, 0, call.streamId, Arrays.copyOfRange(call.pending, call.sent, call.sent + chunk));
            call.sent += chunk;
            connectionSendWindow -= chunk;
            call.sendWindow -= chunk;
        }
        sendHeaders(call.streamId, List.of(header("grpc-status", "0")), true);
        calls.remove(call.streamId);
    }

    /** A "trailers-only" answer: the status without a message. */
    private void sendStatusOnly(Call call, int code, String message) throws IOException {
        List<Header> headers = new ArrayList<>(List.of(header(":status", "200"), header("content-type", "application/grpc"),
                header("grpc-status", Integer.toString(code))));
        if (message != null && !message.isEmpty()) {
            headers.add(header("grpc-message", percentEncode(message)));
        }
        sendHeaders(call.streamId, headers, true);
        calls.remove(call.streamId);
    }

    private void sendHeaders(int streamId, List<Header> headers, boolean endStream) throws IOException {
        ByteArrayBuffer block = new ByteArrayBuffer(128);
        for (Header h : headers) {
            // never indexed: nothing is added to a dynamic table, so none has to be kept in step with the peer
            encoder.encodeHeader(block, h.getName(), h.getValue(), true);
        }
        int flags = FrameFlag.END_HEADERS.getValue() | (endStream ? FrameFlag.END_STREAM.getValue() : 0);
        send(FrameType.HEADERS, flags, streamId, block.toByteArray());
    }

    private void goAway(H2Error error, String message) {
        byte[] debug = String.valueOf(message).getBytes(StandardCharsets.UTF_8);
        ByteBuffer payload = ByteBuffer.allocate(8 + debug.length).putInt(0).putInt(error.getCode()).put(debug);
        try {
            send(FrameType.GOAWAY, 0, 0, payload.array());
            out.flush();
        } catch (IOException alreadyBroken) {
            // the connection ends either way
        }
    }

    private void send(FrameType type, int flags, int streamId, byte[] payload) throws IOException {
        new H2Frame(type.getValue(), flags, streamId, payload).write(out);
    }

    private static byte[] increment(int bytes) {
        return ByteBuffer.allocate(4).putInt(bytes).array();
    }

    private static byte[] errorCode(H2Error error) {
        return ByteBuffer.allocate(4).putInt(error.getCode()).array();
    }

    private static Header header(String name, String value) {
        return new org.apache.hc.core5.http.message.BasicHeader(name, value);
    }

    /** gRPC's percent-encoding of {@code grpc-message}: printable ASCII except '%' stays, the rest is %XX of UTF-8. */
    static String percentEncode(String message) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : message.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 0x20 && c <= 0x7E && c != '%') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return encoded.toString();
    }

    /** One call (stream): its request as it arrives, then its answer as it is sent. */
    private static final class Call {
        private final int streamId;
        private final String path;
        private final ByteArrayOutputStream request = new ByteArrayOutputStream();
        private long sendWindow;
        private boolean answered;
        private byte[] pending;
        private int sent;

        Call(int streamId, String path, int initialWindow) {
            this.streamId = streamId;
            this.path = path;
            this.sendWindow = initialWindow;
        }
    }
}
