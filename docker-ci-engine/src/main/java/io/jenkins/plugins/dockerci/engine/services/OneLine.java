package io.jenkins.plugins.dockerci.engine.services;

/** Makes a message (often a Docker error body) fit the one-line rule of {@link io.jenkins.plugins.dockerci.engine.LogSink}. */
public final class OneLine {

    private OneLine() {
    }

    /** {@code text} trimmed, with every run of line breaks replaced by a single space; "(no message)" for null. */
    public static String of(String text) {
        return text == null ? "(no message)" : text.strip().replaceAll("[\\r\\n]+\\s*", " ");
    }
}
