package io.jenkins.plugins.dockerci.engine.log;

import io.jenkins.plugins.dockerci.engine.LogSink;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link LogSink} decorator that replaces every secret with {@code ****} before a line reaches the real sink, and
 * the same masking for exception messages ({@link #mask(String)}).
 *
 * <p>Registries and daemons do not echo a password verbatim only: it can come back base64-encoded (alone, inside
 * {@code user:password}, or inside an encoded JSON document such as {@code X-Registry-Auth}), URL-encoded, or
 * JSON-escaped. Each of those forms is masked too. Inside a longer base64 text the encoding of a secret depends on
 * its offset modulo 3, so the stable middle of all three alignments is masked. Forms shorter than
 * {@value #MIN_EMBEDDED_FORM} characters are only masked when they are the whole secret, so a short secret does not
 * turn unrelated text into stars.
 */
public final class SecretMasker implements LogSink {

    /** What a secret is replaced with. */
    public static final String MASK = "****";

    private static final int MIN_EMBEDDED_FORM = 6;

    private final LogSink delegate;
    private final List<String> forms;

    private SecretMasker(LogSink delegate, List<String> forms) {
        this.delegate = delegate;
        this.forms = forms;
    }

    /**
     * A sink that masks {@code secrets} (and their encoded forms) in every line before passing it on.
     *
     * @param delegate where masked lines go
     * @param secrets  the values to hide; {@code null} and empty values are ignored
     */
    public static SecretMasker wrap(LogSink delegate, Collection<String> secrets) {
        Objects.requireNonNull(delegate, "delegate");
        return new SecretMasker(delegate, formsOf(secrets));
    }

    /** A masker that passes lines to nowhere; use it for {@link #mask(String)} alone. */
    public static SecretMasker of(Collection<String> secrets) {
        return wrap(LogSink.NONE, secrets);
    }

    @Override
    public void line(Kind kind, String text) {
        delegate.line(kind, mask(text));
    }

    /** {@code text} with every secret and every encoded form of it replaced by {@link #MASK}; {@code null} stays {@code null}. */
    public String mask(String text) {
        if (text == null || forms.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String form : forms) {
            masked = masked.replace(form, MASK);
        }
        return masked;
    }

    private static List<String> formsOf(Collection<String> secrets) {
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : secrets == null ? List.<String>of() : secrets) {
            if (secret == null || secret.isEmpty()) {
                continue;
            }
            forms.add(secret);
            addIfLongEnough(forms, URLEncoder.encode(secret, StandardCharsets.UTF_8));
            addIfLongEnough(forms, URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
            addIfLongEnough(forms, jsonEscaped(secret, "\\u%04x"));
            addIfLongEnough(forms, jsonEscaped(secret, "\\u%04X"));
            byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
            addIfLongEnough(forms, Base64.getEncoder().encodeToString(utf8));
            addIfLongEnough(forms, Base64.getUrlEncoder().encodeToString(utf8));
            for (int offset = 0; offset < 3; offset++) {
                String middle = base64Middle(utf8, offset);
                if (middle.length() >= MIN_EMBEDDED_FORM) {
                    forms.add(middle);
                    forms.add(middle.replace('+', '-').replace('/', '_'));
                }
            }
        }
        // longest first, so a form that contains a shorter one is replaced whole
        List<String> ordered = new ArrayList<>(forms);
        ordered.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(ordered);
    }

    private static void addIfLongEnough(Set<String> forms, String form) {
        if (form.length() >= MIN_EMBEDDED_FORM) {
            forms.add(form);
        }
    }

    /**
     * The base64 characters that encode only bytes of the secret when it starts {@code offset} bytes into a longer
     * text: characters shared with the bytes before or after it differ from text to text, so they are left out.
     */
    private static String base64Middle(byte[] secret, int offset) {
        byte[] padded = new byte[offset + secret.length];
        System.arraycopy(secret, 0, padded, offset, secret.length);
        String encoded = Base64.getEncoder().withoutPadding().encodeToString(padded);
        // characters 4k.. cover bytes 3k..; the first whole group after the offset starts at byte 3 (offset > 0)
        int firstByte = offset == 0 ? 0 : 3;
        int lastWholeByte = (padded.length / 3) * 3;
        if (lastWholeByte <= firstByte) {
            return "";
        }
        return encoded.substring(firstByte / 3 * 4, lastWholeByte / 3 * 4);
    }

    private static String jsonEscaped(String secret, String unicodeEscape) {
        StringBuilder out = new StringBuilder(secret.length() + 8);
        for (char c : secret.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format(unicodeEscape, (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
