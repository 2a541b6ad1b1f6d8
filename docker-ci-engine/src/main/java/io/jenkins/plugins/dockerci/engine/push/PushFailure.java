package io.jenkins.plugins.dockerci.engine.push;

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

    private static final Pattern STATUS_401 = Pattern.compile("\\b401\\b");
    private static final Pattern STATUS_403 = Pattern.compile("\\b403\\b");
    private static final Pattern SERVER_ERROR = Pattern.compile(
            "\\b5\\d\\d\\b|internal server error|bad gateway|service unavailable|gateway time-?out");
    private static final Pattern CUT_SHORT = Pattern.compile(
            "connection reset|\\beof\\b|broken pipe|i/o timeout|tls handshake timeout|connection closed");

    /** Whether another attempt may succeed. */
    public boolean retryable() {
        return this == TRANSIENT;
    }

    /**
     * Recognises a failure from the engine's or registry's words.
     *
     * @param words            the error message from the push stream or the engine
     * @param credentialsGiven whether credentials were sent (an "unauthorized" without them means they are missing)
     */
    public static PushFailure classify(String words, boolean credentialsGiven) {
        String w = words == null ? "" : words.toLowerCase(Locale.ROOT);
        if (w.contains("no basic auth credentials")) {
            return CREDENTIALS_MISSING;
        }
        if (w.contains("unauthorized") || w.contains("authentication required") || w.contains("incorrect username or password")
                || STATUS_401.matcher(w).find()) {
            return credentialsGiven ? CREDENTIALS_REJECTED : CREDENTIALS_MISSING;
        }
        if (w.contains("denied") || w.contains("forbidden") || STATUS_403.matcher(w).find()) {
            return ACCESS_DENIED;
        }
        if (w.contains("connection refused") || w.contains("no such host") || w.contains("no route to host")
                || w.contains("network is unreachable")) {
            return REGISTRY_UNREACHABLE;
        }
        if (w.contains("http response to https client") || w.contains("x509") || w.contains("certificate")) {
            return REGISTRY_TLS;
        }
        if (w.contains("blob unknown") || w.contains("unknown blob")) {
            return BLOB_UNKNOWN;
        }
        if (CUT_SHORT.matcher(w).find() || SERVER_ERROR.matcher(w).find()) {
            return TRANSIENT;
        }
        return OTHER;
    }
}
