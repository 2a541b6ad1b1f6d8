package io.jenkins.plugins.dockerci.engine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as people write them in a form or a YAML file: {@code 10GB}, {@code 500MB}, {@code 2g}, {@code 0}, or a plain
 * number of bytes. Units are binary (1 KB = 1024 bytes), as Docker's own size options count them.
 */
public final class ByteSizeText {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)?");

    private ByteSizeText() {
    }

    /**
     * Parses a size.
     *
     * @param what names the setting in the error message, e.g. {@code "dockerCleanup.buildCache.maxSize"}
     * @throws InvalidRequestException saying what is accepted
     */
    public static long parse(String text, String what) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIZE.matcher(value);
        if (!m.matches()) {
            throw new InvalidRequestException(what + ": '" + text + "' is not a size; write e.g. 10GB, 500MB or a number of bytes");
        }
        String unit = m.group(2) == null ? "b" : m.group(2);
        int shift = switch (unit.charAt(0)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            case 't' -> 40;
            default -> 0;
        };
        double bytes = Double.parseDouble(m.group(1)) * (1L << shift);
        if (bytes >= Long.MAX_VALUE) {
            throw new InvalidRequestException(what + ": '" + text + "' is too large");
        }
        return (long) bytes;
    }

    /** A short human form: {@code 0 B}, {@code 512 KB}, {@code 1.5 GB}. */
    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return (value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value))
                + " " + units[unit];
    }
}
