package io.jenkins.plugins.dockerci.steps;

import hudson.AbortException;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;

/** What the steps share about failing: every message of a step starts with its function name. */
final class Steps {

    private Steps() {
    }

    /** A parameter the engine rejected, as the build shows it (no stack trace: the message says what to change). */
    static AbortException invalid(String function, InvalidRequestException e) {
        String message = e.getMessage();
        return new AbortException(message.startsWith(function) ? message : function + ": " + message);
    }
}
