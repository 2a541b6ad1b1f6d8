package io.jenkins.plugins.dockerci.engine.services.wait;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Turns a container's output, arriving as arbitrary byte chunks, into lines as they complete.
 *
 * <p>Decodes UTF-8 incrementally (a character split across chunks is reassembled; invalid bytes become U+FFFD),
 * ends lines at {@code \n}, {@code \r\n} or a lone {@code \r}, and splits a line longer than the cap into several,
 * so memory stays bounded whatever the container writes. Not thread-safe: use one decoder per stream.
 */
public final class LineDecoder {

    /** Lines longer than this many characters are passed on in pieces of this size. */
    public static final int DEFAULT_MAX_LINE_CHARS = 8192;

    private final Consumer<String> lines;
    private final int maxLineChars;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(4096);
    private final StringBuilder line = new StringBuilder();
    private ByteBuffer leftover = ByteBuffer.allocate(0);
    private boolean afterCarriageReturn;

    public LineDecoder(Consumer<String> lines) {
        this(lines, DEFAULT_MAX_LINE_CHARS);
    }

    public LineDecoder(Consumer<String> lines, int maxLineChars) {
        if (maxLineChars < 2) {
            throw new IllegalArgumentException("maxLineChars must be at least 2, was " + maxLineChars);
        }
        this.lines = lines;
        this.maxLineChars = maxLineChars;
    }

    /** Feeds the next chunk of bytes; complete lines are passed on before this returns. */
    public void accept(byte[] bytes) {
        ByteBuffer in = ByteBuffer.allocate(leftover.remaining() + bytes.length);
        in.put(leftover).put(bytes).flip();
        decode(in, false);
        leftover = in.hasRemaining() ? ByteBuffer.allocate(in.remaining()).put(in).flip() : ByteBuffer.allocate(0);
    }

    /** The stream ended: passes on a last unterminated line (and any truncated character as U+FFFD). */
    public void finish() {
        decode(leftover, true);
        leftover = ByteBuffer.allocate(0);
        chars.clear();
        decoder.flush(chars);
        chars.flip();
        consume();
        decoder.reset();
        if (!line.isEmpty()) {
            emit();
        }
    }

    private void decode(ByteBuffer in, boolean endOfInput) {
        while (true) {
            chars.clear();
            var result = decoder.decode(in, chars, endOfInput);
            chars.flip();
            consume();
            if (!result.isOverflow()) {
                return;
            }
        }
    }

    private void consume() {
        while (chars.hasRemaining()) {
            char c = chars.get();
            if (c == '\n') {
                if (!afterCarriageReturn) {
                    emit();
                }
                afterCarriageReturn = false;
            } else if (c == '\r') {
                emit();
                afterCarriageReturn = true;
            } else {
                afterCarriageReturn = false;
                line.append(c);
                if (line.length() >= maxLineChars) {
                    emitPiece();
                }
            }
        }
    }

    private void emitPiece() {
        // never cut a surrogate pair in two: keep its high half for the next piece
        int cut = Character.isHighSurrogate(line.charAt(line.length() - 1)) ? line.length() - 1 : line.length();
        lines.accept(line.substring(0, cut));
        line.delete(0, cut);
    }

    private void emit() {
        lines.accept(line.toString());
        line.setLength(0);
    }
}
