package io.jenkins.plugins.dockerci.engine.registry;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Why the engine could not pull from or push to a registry, recognised from the words the engine or the registry
 * used. The same words mean the same for a pull, a push and a build's {@code FROM}.
 */
public enum RegistryFailure {
    /** The registry wants credentials and none were sent. */
    CREDENTIALS_MISSING,
    /** The registry rejected the credentials. */
    CREDENTIALS_REJECTED,
    /** The credentials are valid but may not access this repository (or it does not exist and the registry won't say). */
    ACCESS_DENIED,
    /** The registry has no such repository, tag or digest. */
    NOT_FOUND,
    /**
     * An anonymous request was refused with words that leave open whether the image does not exist or needs
     * credentials (Docker Hub's "repository does not exist or may require 'docker login'").
     */
    NOT_FOUND_OR_PRIVATE,
    /** The engine could not connect to the registry (not running, wrong host or port). */
    REGISTRY_UNREACHABLE,
    /** HTTP against HTTPS, or a certificate the engine does not trust. */
    REGISTRY_TLS,
    /** Anything else; the registry's words say what. */
    OTHER;

    private static final Pattern STATUS_401 = Pattern.compile("\\b401\\b");
    private static final Pattern STATUS_403 = Pattern.compile("\\b403\\b");

    /**
     * Recognises a failure from the engine's or registry's words.
     *
     * @param words            the error message of the engine (pull, push or build stream, or an HTTP error body)
     * @param credentialsGiven whether credentials were sent (an "unauthorized" without them means they are missing)
     */
    public static RegistryFailure classify(String words, boolean credentialsGiven) {
        String w = words == null ? "" : words.toLowerCase(Locale.ROOT);
        if (w.contains("no basic auth credentials")) {
            return CREDENTIALS_MISSING;
        }
        if (w.contains("unauthorized") || w.contains("authentication required") || w.contains("incorrect username or password")
                || STATUS_401.matcher(w).find()) {
            return credentialsGiven ? CREDENTIALS_REJECTED : CREDENTIALS_MISSING;
        }
        if (w.contains("does not exist or may require")) {
            return credentialsGiven ? ACCESS_DENIED : NOT_FOUND_OR_PRIVATE;
        }
        if (w.contains("denied") || w.contains("forbidden") || STATUS_403.matcher(w).find()) {
            return credentialsGiven ? ACCESS_DENIED : CREDENTIALS_MISSING;
        }
        if (w.contains("manifest unknown") || w.contains("name unknown") || w.contains(": not found")) {
            return NOT_FOUND;
        }
        if (w.contains("connection refused") || w.contains("no such host") || w.contains("no route to host")
                || w.contains("network is unreachable")) {
            return REGISTRY_UNREACHABLE;
        }
        if (w.contains("http response to https client") || w.contains("x509") || w.contains("certificate")) {
            return REGISTRY_TLS;
        }
        return OTHER;
    }
}
