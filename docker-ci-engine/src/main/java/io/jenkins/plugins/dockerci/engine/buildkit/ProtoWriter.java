package io.jenkins.plugins.dockerci.engine.buildkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Encodes one protocol buffers message (proto3 wire format) field by field.
 *
 * <p>Only what the session's answers need: varints, strings, bytes and nested messages. As proto3 does, fields
 * holding their default value (0, empty) are left out.
 */
final class ProtoWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ProtoWriter varint(int field, long value) {
        if (value != 0) {
            tag(field, ProtoReader.VARINT);
            writeVarint(value);
        }
        return this;
    }

    ProtoWriter string(int field, String value) {
        return value == null ? this : bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    ProtoWriter bytes(int field, byte[] value) {
        if (value != null && value.length > 0) {
            tag(field, ProtoReader.LENGTH_DELIMITED);
            writeVarint(value.length);
            out.writeBytes(value);
        }
        return this;
    }

    /** A nested message; written even when empty, since its presence can matter. */
    ProtoWriter message(int field, ProtoWriter message) {
        byte[] encoded = message.toByteArray();
        tag(field, ProtoReader.LENGTH_DELIMITED);
        writeVarint(encoded.length);
        out.writeBytes(encoded);
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private void tag(int field, int wireType) {
        writeVarint(((long) field << 3) | wireType);
    }

    private void writeVarint(long value) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out.write((int) ((rest & 0x7F) | 0x80));
            rest >>>= 7;
        }
        out.write((int) rest);
    }
}
