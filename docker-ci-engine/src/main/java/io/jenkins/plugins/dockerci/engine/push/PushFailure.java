package io.jenkins.plugins.dockerci.engine.push;

import io.jenkins.plugins.dockerci.engine.registry.RegistryFailure;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Why a push failed, recognised from the words the engine or the registry put in the push stream. Only
 * {@link #TRANSIENT} failures are retried.
 */
public enum PushFailure {
    /** The registry wants credentials and none were sent. */
    CREDENTIALS_MISSING,
    /** The registry rejected the credentials. */
    CREDENTIALS_REJECTED,
    /** The credentials are valid but may not push to this repository. */
    ACCESS_DENIED,
    /** The engine could not connect to the registry (not running, wrong host or port). */
    REGISTRY_UNREACHABLE,
    /** HTTP against HTTPS, or a certificate the engine does not trust. */
    REGISTRY_TLS,
    /** The registry does not know a layer it should have (storage or proxy trouble). */
    BLOB_UNKNOWN,
    /** A connection reset, an unexpected end of stream or a 5xx answer: worth another attempt. */
    TRANSIENT,
    /** The push did not finish in time. */
    TIMEOUT,
    /** Anything else; the registry's words say what. */
    OTHER;

    private static final Pattern SERVER_ERROR = Pattern.compile(
            "\\b5\\d\\d\\b|internal server error|bad gateway|service unavailable|gateway time-?out");
    private static final Pattern CUT_SHORT = Pattern.compile(
            "connection reset|\\beof\\b|broken pipe|i/o timeout|tls handshake timeout|connection closed");

    /** Whether another attempt may succeed. */
    public boolean retryable() {
        return this == TRANSIENT;
    }

    /**
     * Recognises a failure from the engine's or registry's words: credential, connection and TLS problems as for any
     * registry access ({@link RegistryFailure}), then what only a push meets.
     *
     * @param words            the error message from the push stream or the engine
     * @param credentialsGiven whether credentials were sent (an "unauthorized" without them means they are missing)
     */
    public static PushFailure classify(String words, boolean credentialsGiven) {
        switch (RegistryFailure.classify(words, credentialsGiven)) {
            case CREDENTIALS_MISSING, NOT_FOUND_OR_PRIVATE:
                return CREDENTIALS_MISSING;
            case CREDENTIALS_REJECTED:
                return CREDENTIALS_REJECTED;
            case ACCESS_DENIED:
                return ACCESS_DENIED;
            case REGISTRY_UNREACHABLE:
                return REGISTRY_UNREACHABLE;
            case REGISTRY_TLS:
                return REGISTRY_TLS;
            default:
                break;
        }
        String w = words == null ? "" : words.toLowerCase(Locale.ROOT);
        if (w.contains("blob unknown") || w.contains("unknown blob")) {
            return BLOB_UNKNOWN;
        }
        if (CUT_SHORT.matcher(w).find() || SERVER_ERROR.matcher(w).find()) {
            return TRANSIENT;
        }
        return OTHER;
    }

    /** The registry-wide kind of this failure, for the explanations shared with pulls. */
    RegistryFailure asRegistryFailure() {
        return switch (this) {
            case CREDENTIALS_MISSING -> RegistryFailure.CREDENTIALS_MISSING;
            case CREDENTIALS_REJECTED -> RegistryFailure.CREDENTIALS_REJECTED;
            case ACCESS_DENIED -> RegistryFailure.ACCESS_DENIED;
            case REGISTRY_UNREACHABLE -> RegistryFailure.REGISTRY_UNREACHABLE;
            case REGISTRY_TLS -> RegistryFailure.REGISTRY_TLS;
            default -> RegistryFailure.OTHER;
        };
    }
}
