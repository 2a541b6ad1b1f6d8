package io.jenkins.plugins.dockerci.engine.buildkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtoCodecTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void encodesTheExamplesOfTheProtocolBuffersDocumentation() {
        assertThat(HEX.formatHex(new ProtoWriter().varint(1, 150).toByteArray())).isEqualTo("089601");
        assertThat(HEX.formatHex(new ProtoWriter().string(2, "testing").toByteArray())).isEqualTo("120774657374696e67");
    }

    @Test
    void leavesDefaultValuesOutAsProto3Does() {
        assertThat(new ProtoWriter().varint(1, 0).string(2, "").string(3, null).bytes(4, new byte[0]).toByteArray()).isEmpty();
    }

    @Test
    void readsWhatItWrote() {
        byte[] message = new ProtoWriter()
                .string(1, "h\u00e4llo \u2603")
                .varint(2, Long.MAX_VALUE)
                .varint(3, -1)
                .bytes(4, new byte[] {0, -1, 7})
                .message(5, new ProtoWriter().varint(1, 1_700_000_000L).varint(2, 123))
                .toByteArray();

        ProtoReader reader = new ProtoReader(message);
        assertThat(reader.next()).isTrue();
        assertThat(reader.field()).isEqualTo(1);
        assertThat(reader.string()).isEqualTo("h\u00e4llo \u2603");
        assertThat(reader.next()).isTrue();
        assertThat(reader.varint()).isEqualTo(Long.MAX_VALUE);
        assertThat(reader.next()).isTrue();
        assertThat(reader.varint()).isEqualTo(-1);
        assertThat(reader.next()).isTrue();
        assertThat(reader.bytes()).containsExactly(0, -1, 7);
        assertThat(reader.next()).isTrue();
        ProtoReader nested = reader.message();
        assertThat(nested.next()).isTrue();
        assertThat(nested.varint()).isEqualTo(1_700_000_000L);
        assertThat(nested.next()).isTrue();
        assertThat(nested.varint()).isEqualTo(123);
        assertThat(nested.next()).isFalse();
        assertThat(reader.next()).isFalse();
    }

    @Test
    void skipsFieldsOfEveryWireTypeItDoesNotAskFor() {
        // field 1 fixed64, field 2 fixed32, field 3 varint, field 4 length-delimited, then field 5 = "kept"
        byte[] message = HEX.parseHex("09" + "0102030405060708" + "15" + "01020304" + "18" + "ac02" + "22" + "03616263"
                + "2a" + "046b657074");
        List<String> kept = new ArrayList<>();
        ProtoReader reader = new ProtoReader(message);
        while (reader.next()) {
            if (reader.field() == 5) {
                kept.add(reader.string());
            } else {
                reader.skip();
            }
        }
        assertThat(kept).containsExactly("kept");
    }

    @Test
    void rejectsMessagesThatAreCutShortOrMalformed() {
        assertThatThrownBy(() -> readAll(HEX.parseHex("0a05616263"))).isInstanceOf(ProtoReader.ProtoException.class)
                .hasMessageContaining("claims 5 bytes");
        assertThatThrownBy(() -> readAll(HEX.parseHex("0896"))).isInstanceOf(ProtoReader.ProtoException.class)
                .hasMessageContaining("cut short");
        assertThatThrownBy(() -> readAll(HEX.parseHex("0b"))).isInstanceOf(ProtoReader.ProtoException.class)
                .hasMessageContaining("wire type 3");
        assertThatThrownBy(() -> readAll(HEX.parseHex("00"))).isInstanceOf(ProtoReader.ProtoException.class)
                .hasMessageContaining("field number 0");
        ProtoReader wrongType = new ProtoReader(HEX.parseHex("0801"));
        wrongType.next();
        assertThatThrownBy(wrongType::string).isInstanceOf(ProtoReader.ProtoException.class).hasMessageContaining("wire type 0");
    }

    private static void readAll(byte[] message) {
        ProtoReader reader = new ProtoReader(message);
        while (reader.next()) {
            reader.skip();
        }
    }
}
