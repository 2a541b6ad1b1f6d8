package io.jenkins.plugins.dockerci.params;

import hudson.model.Item;
import hudson.util.FormValidation;
import java.util.Optional;
import jenkins.model.Jenkins;

/** The permission rule and rendering of the steps' form checks. */
public final class FormPermission {

    private FormPermission() {
    }

    /** May the current user configure {@code item} (or Jenkins, outside a job)? Others get no answer from a check. */
    public static boolean canConfigure(Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    /** The problem as a form error, or OK. */
    public static FormValidation toForm(Optional<String> problem) {
        return problem.map(FormValidation::error).orElseGet(FormValidation::ok);
    }
}
