package io.jenkins.plugins.dockerci.engine.buildkit;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.hc.core5.http2.frame.FrameFlag;

/**
 * One HTTP/2 frame (RFC 9113 §4.1): a 9-byte header and its payload, read and written whole.
 *
 * <p>The frame layer is this small on purpose: httpcore5-h2's {@code FrameInputBuffer} (5.4.3) garbles bits 16–23 of
 * a stream id, so it misreads every stream from 65,536 on, which the daemon's once-a-second health checks reach after
 * about nine hours; so frames are parsed here and only HPACK, the hard part, comes from httpcore5-h2.
 *
 * @param type     the frame type ({@link org.apache.hc.core5.http2.frame.FrameType#getValue()})
 * @param flags    the flag bits
 * @param streamId the stream, 0 for the connection
 * @param payload  the payload as sent, padding included
 */
record H2Frame(int type, int flags, int streamId, byte[] payload) {

    /** The largest payload a peer may send before it has seen our SETTINGS, and all we ever accept. */
    static final int MAX_PAYLOAD = 16_384;
    private static final int HEADER_LENGTH = 9;

    boolean has(FrameFlag flag) {
        return (flags & flag.getValue()) != 0;
    }

    /**
     * The payload without padding (and, for HEADERS, without the priority fields).
     *
     * @throws H2ProtocolException when the padding is longer than the payload
     */
    byte[] content() {
        int start = 0;
        int end = payload.length;
        if (has(FrameFlag.PADDED)) {
            if (payload.length == 0) {
                throw new H2ProtocolException("padded frame without a padding length");
            }
            start = 1;
            end -= payload[0] & 0xFF;
        }
        if (has(FrameFlag.PRIORITY)) {
            start += 5;
        }
        if (end < start) {
            throw new H2ProtocolException("frame padding exceeds its payload");
        }
        return Arrays.copyOfRange(payload, start, end);
    }

    /**
     * Reads the next frame.
     *
     * @throws EOFException when the connection ends between frames
     */
    static H2Frame read(InputStream in) throws IOException {
        byte[] header = in.readNBytes(HEADER_LENGTH);
        if (header.length == 0) {
            throw new EOFException("connection closed");
        }
        if (header.length < HEADER_LENGTH) {
            throw new EOFException("connection closed inside a frame header");
        }
        int length = (header[0] & 0xFF) << 16 | (header[1] & 0xFF) << 8 | (header[2] & 0xFF);
        if (length > MAX_PAYLOAD) {
            throw new H2ProtocolException("frame of " + length + " bytes exceeds the maximum of " + MAX_PAYLOAD);
        }
        int streamId = ((header[5] & 0x7F) << 24) | ((header[6] & 0xFF) << 16) | ((header[7] & 0xFF) << 8) | (header[8] & 0xFF);
        byte[] payload = in.readNBytes(length);
        if (payload.length < length) {
            throw new EOFException("connection closed inside a frame");
        }
        return new H2Frame(header[3] & 0xFF, header[4] & 0xFF, streamId, payload);
    }

    /** Writes this frame (not flushed). */
    void write(OutputStream out) throws IOException {
        int length = payload.length;
        out.write(new byte[] {
            (byte) (length >>> 16), (byte) (length >>> 8), (byte) length,
            (byte) type, (byte) flags,
            (byte) (streamId >>> 24 & 0x7F), (byte) (streamId >>> 16), (byte) (streamId >>> 8), (byte) streamId});
        out.write(payload);
    }

    /** The peer broke the HTTP/2 or gRPC protocol; the connection cannot go on. */
    static final class H2ProtocolException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        H2ProtocolException(String message) {
            super("HTTP/2 protocol error: " + message);
        }
    }
}
