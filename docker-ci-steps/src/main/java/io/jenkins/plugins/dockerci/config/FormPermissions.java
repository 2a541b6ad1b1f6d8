package io.jenkins.plugins.dockerci.config;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.Item;
import hudson.util.FormValidation;
import java.util.Optional;
import java.util.function.Supplier;
import jenkins.model.Jenkins;

/**
 * Who may use the plugin's form methods: configuring needs Item/Configure in a job and Overall/Administer outside one;
 * listing credentials follows the credentials plugin's consumer guide (Item/ExtendedRead or Credentials/UseItem).
 */
public final class FormPermissions {

    private FormPermissions() {
    }

    /** May the current user configure {@code item} (or, without an item, Jenkins itself)? */
    public static boolean canConfigure(Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    /**
     * A form check that answers only users who may configure {@code item}: others get OK and learn nothing, and the
     * check (which may parse, resolve or look things up) does not run for them.
     */
    public static FormValidation canConfigureThen(Item item, Supplier<Optional<String>> check) {
        return canConfigure(item) ? toForm(check.get()) : FormValidation.ok();
    }

    /** The problem as a form error, or OK. */
    public static FormValidation toForm(Optional<String> problem) {
        return problem.map(FormValidation::error).orElseGet(FormValidation::ok);
    }

    /** May the current user see which credentials {@code item} (or, without an item, Jenkins itself) could use? */
    static boolean canListCredentials(Item item) {
        return item == null
                ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                : item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }
}
