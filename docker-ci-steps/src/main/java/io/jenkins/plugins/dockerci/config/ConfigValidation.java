package io.jenkins.plugins.dockerci.config;

import io.jenkins.plugins.dockerci.engine.docker.DockerEndpoint;
import java.util.Optional;

/**
 * The checks behind both the configuration form and the data-binding setters, so the page, JCasC and the run agree.
 * Each returns the problem as an actionable sentence, or empty when the value is fine.
 */
public final class ConfigValidation {

    /** The whole-number settings, with their bounds and the words the messages use. */
    public enum Range {
        /** Docker itself accepts any value; more than an hour is a mistake. */
        STOP_GRACE_SECONDS("The stop grace period (seconds)", 0, 3600),
        /** At least once a day. */
        REAPER_INTERVAL_MINUTES("The reaper interval (minutes)", 1, 1440),
        /** At most a week. */
        REAPER_GRACE_MINUTES("The reaper grace period (minutes)", 1, 10080);

        private final String what;
        private final int min;
        private final int max;

        Range(String what, int min, int max) {
            this.what = what;
            this.min = min;
            this.max = max;
        }

        /** The problem with {@code value}, if any. */
        public Optional<String> check(int value) {
            return integerInRange(value, what, min, max);
        }

        /** The problem with {@code text} as typed in the form, if any. */
        public Optional<String> check(String text) {
            return integerInRange(text, what, min, max);
        }
    }

    private ConfigValidation() {
    }

    /** A Docker host URI; blank means the node's own engine. */
    public static Optional<String> dockerHostUri(String uri) {
        if (uri == null || uri.isBlank()) {
            return Optional.empty();
        }
        try {
            DockerEndpoint.of(uri.trim());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** TLS client credentials only make sense for a TCP host. */
    public static Optional<String> dockerHostCredentials(String uri, String credentialsId) {
        if (credentialsId == null || credentialsId.isBlank()) {
            return Optional.empty();
        }
        if (uri == null || uri.isBlank() || !uri.trim().startsWith("tcp://")) {
            return Optional.of("TLS client certificates are only used with a tcp:// Docker host; set the Docker host URI "
                    + "to tcp://<host>:2376 or remove the credentials");
        }
        return Optional.empty();
    }

    /** A registry URL: a host[:port], optionally with http:// or https:// in front and a path after it. */
    public static Optional<String> registryUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("Enter the registry URL, e.g. https://registry.example.com or registry.example.com:5000");
        }
        return RegistryUrls.problem(url.trim());
    }

    /** A whole number in {@code [min, max]}, given as form text. */
    static Optional<String> integerInRange(String text, String what, int min, int max) {
        try {
            return integerInRange(Integer.parseInt(text == null ? "" : text.trim()), what, min, max);
        } catch (NumberFormatException e) {
            return Optional.of(what + " must be a whole number from " + min + " to " + max + ", not '" + text + "'");
        }
    }

    /** A whole number in {@code [min, max]}. */
    static Optional<String> integerInRange(int value, String what, int min, int max) {
        if (value < min || value > max) {
            return Optional.of(what + " must be from " + min + " to " + max + ", not " + value);
        }
        return Optional.empty();
    }
}
