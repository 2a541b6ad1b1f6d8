package io.jenkins.plugins.dockerci.engine;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in a Jenkinsfile, a form or a YAML file: {@code 90s}, {@code 5m}, {@code 1h30m},
 * {@code 500ms}, or a plain number of seconds; ISO-8601 ({@code PT5M}) works too.
 */
public final class DurationText {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:ms|s|m|h|d))+");

    private DurationText() {
    }

    /**
     * Parses a duration.
     *
     * @param what names the setting in the error message, e.g. {@code "dockerTest.timeout"}
     * @throws InvalidRequestException saying what is accepted
     */
    public static Duration parse(String text, String what) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (value.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        if (WHOLE.matcher(value).matches()) {
            Duration total = Duration.ZERO;
            Matcher m = PART.matcher(value);
            while (m.find()) {
                long n = Long.parseLong(m.group(1));
                total = total.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
            }
            return total;
        }
        if (value.startsWith("pt") || value.startsWith("p")) {
            try {
                Duration iso = Duration.parse(value.toUpperCase(Locale.ROOT));
                if (!iso.isNegative()) {
                    return iso;
                }
            } catch (DateTimeParseException notIso) {
                // not ISO-8601 either: the message below says what is accepted
            }
        }
        throw new InvalidRequestException(what + ": '" + text + "' is not a duration; write e.g. 90s, 5m, 1h30m, 500ms"
                + " or a number of seconds");
    }

    /** A short human form: {@code 1.2s}, {@code 3m05s}, {@code 250ms}, {@code 7d}, {@code 2d03h}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long seconds = duration.toSeconds();
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        if (seconds < 86_400) {
            return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
        }
        long hours = (seconds % 86_400) / 3600;
        return seconds / 86_400 + "d" + (hours == 0 ? "" : String.format(Locale.ROOT, "%02dh", hours));
    }
}
