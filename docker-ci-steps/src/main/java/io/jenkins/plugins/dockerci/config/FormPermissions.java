package io.jenkins.plugins.dockerci.config;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.Item;
import jenkins.model.Jenkins;

/**
 * Who may use the plugin's form methods: configuring needs Item/Configure in a job and Overall/Administer outside one;
 * listing credentials follows the credentials plugin's consumer guide (Item/ExtendedRead or Credentials/UseItem).
 */
final class FormPermissions {

    private FormPermissions() {
    }

    /** May the current user configure {@code item} (or, without an item, Jenkins itself)? */
    static boolean canConfigure(Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    /** May the current user see which credentials {@code item} (or, without an item, Jenkins itself) could use? */
    static boolean canListCredentials(Item item) {
        return item == null
                ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                : item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }
}
