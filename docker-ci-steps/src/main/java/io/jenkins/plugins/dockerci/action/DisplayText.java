package io.jenkins.plugins.dockerci.action;

import java.time.Duration;
import java.util.Locale;

/** How the build page writes ids and durations. */
final class DisplayText {

    private DisplayText() {
    }

    static String shortId(String imageId) {
        String hex = imageId.startsWith("sha256:") ? imageId.substring("sha256:".length()) : imageId;
        return hex.substring(0, Math.min(12, hex.length()));
    }

    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = duration.toSeconds();
        return seconds / 60 + " min " + seconds % 60 + " s";
    }
}
