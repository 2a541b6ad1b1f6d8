package io.jenkins.plugins.dockerci.engine.buildkit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes one protocol buffers message (proto3 wire format) field by field, skipping the fields a caller does not
 * ask for, so messages of newer BuildKit versions with more fields still decode.
 *
 * <p>Use: {@code while (reader.next()) switch (reader.field()) { case 1 -> …reader.string()…; default -> reader.skip(); }}.
 */
final class ProtoReader {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final byte[] data;
    private final int end;
    private int position;
    private int field;
    private int wireType;

    ProtoReader(byte[] data) {
        this(data, 0, data.length);
    }

    private ProtoReader(byte[] data, int offset, int end) {
        this.data = data;
        this.position = offset;
        this.end = end;
    }

    /** Moves to the next field; {@code false} at the end of the message. */
    boolean next() {
        if (position >= end) {
            return false;
        }
        long tag = readVarint();
        field = (int) (tag >>> 3);
        wireType = (int) (tag & 0x7);
        if (field <= 0) {
            throw new ProtoException("invalid field number " + field);
        }
        return true;
    }

    int field() {
        return field;
    }

    long varint() {
        expect(VARINT);
        return readVarint();
    }

    boolean bool() {
        return varint() != 0;
    }

    String string() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    byte[] bytes() {
        int length = length();
        byte[] value = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return value;
    }

    /** The nested message of this field. */
    ProtoReader message() {
        int length = length();
        ProtoReader nested = new ProtoReader(data, position, position + length);
        position += length;
        return nested;
    }

    /** Skips the current field's value. */
    void skip() {
        switch (wireType) {
            case VARINT -> readVarint();
            case FIXED64 -> advance(8);
            case LENGTH_DELIMITED -> advance(length());
            case FIXED32 -> advance(4);
            default -> throw new ProtoException("unsupported wire type " + wireType + " of field " + field);
        }
    }

    private int length() {
        expect(LENGTH_DELIMITED);
        long length = readVarint();
        if (length < 0 || length > end - position) {
            throw new ProtoException("field " + field + " claims " + length + " bytes, " + (end - position) + " are left");
        }
        return (int) length;
    }

    private void advance(int bytes) {
        if (bytes > end - position) {
            throw new ProtoException("field " + field + " is cut short");
        }
        position += bytes;
    }

    private void expect(int type) {
        if (wireType != type) {
            throw new ProtoException("field " + field + " has wire type " + wireType + ", expected " + type);
        }
    }

    private long readVarint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= end) {
                throw new ProtoException("varint is cut short");
            }
            byte b = data[position++];
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new ProtoException("varint is longer than 10 bytes");
    }

    /** A message that does not follow the wire format. */
    static final class ProtoException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProtoException(String message) {
            super("Malformed protocol buffers message: " + message);
        }
    }
}
