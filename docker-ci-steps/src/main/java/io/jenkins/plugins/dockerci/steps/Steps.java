package io.jenkins.plugins.dockerci.steps;

import hudson.AbortException;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.registry.PullPolicy;

/** What the steps share: every message of a step starts with its function name; pull policies read alike. */
final class Steps {

    private Steps() {
    }

    /** The choices of a {@code pull} form field: the default first, then each policy as a Jenkinsfile writes it. */
    static ListBoxModel pullChoices() {
        ListBoxModel items = new ListBoxModel();
        items.add(Messages.Steps_pullDefault(), "");
        for (PullPolicy policy : PullPolicy.values()) {
            items.add(policy.parameterValue(), policy.name());
        }
        return items;
    }

    /** A parameter the engine rejected, as the build shows it (no stack trace: the message says what to change). */
    static AbortException invalid(String function, InvalidRequestException e) {
        String message = e.getMessage();
        return new AbortException(message.startsWith(function) ? message : function + ": " + message);
    }
}
