package io.jenkins.plugins.dockerci.engine.services.wait;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineDecoderTest {

    private final List<String> lines = new ArrayList<>();

    @Test
    void joinsALineSplitAcrossChunks() {
        LineDecoder decoder = new LineDecoder(lines::add);
        decoder.accept(bytes("hel"));
        decoder.accept(bytes("lo\nwor"));
        assertThat(lines).containsExactly("hello");
        decoder.accept(bytes("ld\n"));
        assertThat(lines).containsExactly("hello", "world");
    }

    @Test
    void reassemblesAMultiByteCharacterSplitAcrossChunks() {
        byte[] umlaut = "ä€".getBytes(StandardCharsets.UTF_8);
        LineDecoder decoder = new LineDecoder(lines::add);
        for (byte b : umlaut) {
            decoder.accept(new byte[] {b});
        }
        decoder.accept(bytes("\n"));
        assertThat(lines).containsExactly("ä€");
    }

    @Test
    void replacesInvalidBytesInsteadOfFailing() {
        LineDecoder decoder = new LineDecoder(lines::add);
        decoder.accept(new byte[] {'a', (byte) 0xff, (byte) 0xfe, 'b', '\n'});
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("a\uFFFD").endsWith("b");
    }

    @Test
    void treatsCrLfAsOneBreakAndALoneCrAsABreak() {
        LineDecoder decoder = new LineDecoder(lines::add);
        decoder.accept(bytes("one\r"));
        decoder.accept(bytes("\ntwo\rthree\n\n"));
        assertThat(lines).containsExactly("one", "two", "three", "");
    }

    @Test
    void splitsOverlongLinesIntoPiecesOfTheCap() {
        LineDecoder decoder = new LineDecoder(lines::add, 4);
        decoder.accept(bytes("abcdefghij\n"));
        assertThat(lines).containsExactly("abcd", "efgh", "ij");
    }

    @Test
    void neverCutsASurrogatePair() {
        LineDecoder decoder = new LineDecoder(lines::add, 4);
        decoder.accept(bytes("abc\uD83D\uDE00d\n"));
        assertThat(lines).containsExactly("abc", "\uD83D\uDE00d");
    }

    @Test
    void finishPassesOnTheLastUnterminatedLineAndATruncatedCharacter() {
        LineDecoder decoder = new LineDecoder(lines::add);
        decoder.accept(new byte[] {'e', 'n', 'd', (byte) 0xc3});
        assertThat(lines).isEmpty();
        decoder.finish();
        assertThat(lines).containsExactly("end\uFFFD");
    }

    @Test
    void handlesChunksLargerThanItsBuffer() {
        LineDecoder decoder = new LineDecoder(lines::add, 100_000);
        decoder.accept(bytes("x".repeat(50_000) + "\ny\n"));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).hasSize(50_000);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
