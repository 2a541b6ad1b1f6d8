package io.jenkins.plugins.dockerci.engine.buildkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.HexFormat;
import org.apache.hc.core5.http2.frame.FrameFlag;
import org.junit.jupiter.api.Test;

class H2FrameTest {

    @Test
    void writesAndReadsTheNineByteHeaderWithLargeStreamIds() throws IOException {
        H2Frame frame = new H2Frame(0x0, FrameFlag.END_STREAM.getValue(), 0x7F818181, new byte[] {1, 2, 3});
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        frame.write(out);

        assertThat(HexFormat.of().formatHex(out.toByteArray())).isEqualTo("000003" + "00" + "01" + "7f818181" + "010203");
        H2Frame read = H2Frame.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(read.streamId()).isEqualTo(0x7F818181);
        assertThat(read.has(FrameFlag.END_STREAM)).isTrue();
        assertThat(read.payload()).containsExactly(1, 2, 3);
    }

    @Test
    void contentLeavesOutPaddingAndPriority() {
        int flags = FrameFlag.PADDED.getValue() | FrameFlag.PRIORITY.getValue();
        H2Frame headers = new H2Frame(0x1, flags, 1, HexFormat.of().parseHex("02" + "0000000010" + "abcd" + "0000"));

        assertThat(headers.content()).containsExactly(0xab, 0xcd);
        assertThatThrownBy(() -> new H2Frame(0x0, FrameFlag.PADDED.getValue(), 1, new byte[] {5, 1}).content())
                .isInstanceOf(H2Frame.H2ProtocolException.class);
    }

    @Test
    void refusesOversizedFramesAndNoticesTheEndOfTheConnection() {
        assertThatThrownBy(() -> H2Frame.read(new ByteArrayInputStream(HexFormat.of().parseHex("01000000000000000001"))))
                .isInstanceOf(H2Frame.H2ProtocolException.class).hasMessageContaining("65536 bytes");
        assertThatThrownBy(() -> H2Frame.read(new ByteArrayInputStream(new byte[0]))).isInstanceOf(EOFException.class)
                .hasMessage("connection closed");
        assertThatThrownBy(() -> H2Frame.read(new ByteArrayInputStream(HexFormat.of().parseHex("0000050000000000010102"))))
                .isInstanceOf(EOFException.class).hasMessageContaining("inside a frame");
    }
}
