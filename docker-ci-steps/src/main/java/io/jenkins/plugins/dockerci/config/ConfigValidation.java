package io.jenkins.plugins.dockerci.config;

import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.cleanup.BuildCachePolicy;
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
        STOP_GRACE_SECONDS(0, 3600),
        /** At least once a day. */
        REAPER_INTERVAL_MINUTES(1, 1440),
        /** At most a week. */
        REAPER_GRACE_MINUTES(1, 10080);

        private final int min;
        private final int max;

        Range(int min, int max) {
            this.min = min;
            this.max = max;
        }

        /** The problem with {@code value}, if any. */
        public Optional<String> check(int value) {
            return value < min || value > max ? Optional.of(Messages.ConfigValidation_outOfRange(what(), min, max, value))
                    : Optional.empty();
        }

        /** The problem with {@code text} as typed in the form, if any. */
        public Optional<String> check(String text) {
            try {
                return check(Integer.parseInt(text == null ? "" : text.trim()));
            } catch (NumberFormatException e) {
                return Optional.of(Messages.ConfigValidation_notAWholeNumber(what(), min, max, text));
            }
        }

        private String what() {
            return switch (this) {
                case STOP_GRACE_SECONDS -> Messages.ConfigValidation_stopGrace();
                case REAPER_INTERVAL_MINUTES -> Messages.ConfigValidation_reaperInterval();
                case REAPER_GRACE_MINUTES -> Messages.ConfigValidation_reaperGrace();
            };
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
            return Optional.of(Messages.ConfigValidation_tlsNeedsTcp());
        }
        return Optional.empty();
    }

    /**
     * A bound of the build cache: how long unused and how big, e.g. {@code 7d} and {@code 10GB}, or both {@code 0} to
     * keep none. A blank value means its default.
     */
    public static Optional<String> buildCache(String maxUnused, String maxSize) {
        try {
            BuildCachePolicy.parse(maxUnused == null || maxUnused.isBlank() ? DockerCiConfiguration.DEFAULT_BUILD_CACHE_MAX_UNUSED : maxUnused,
                    maxSize == null || maxSize.isBlank() ? DockerCiConfiguration.DEFAULT_BUILD_CACHE_MAX_SIZE : maxSize, "buildCache");
            return Optional.empty();
        } catch (IllegalArgumentException | DockerCiException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** A registry URL: a host[:port], optionally with http:// or https:// in front and a path after it. */
    public static Optional<String> registryUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of(Messages.ConfigValidation_registryUrlMissing());
        }
        return RegistryUrls.problem(url.trim());
    }
}
