package io.jenkins.plugins.dockerci.testsupport;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.util.Secret;

/** A username/password credential as the Credentials plugin would return it. */
public record UsernamePassword(String username, String password) implements StandardUsernamePasswordCredentials {

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public Secret getPassword() {
        return Secret.fromString(password);
    }

    /** The password stays out of test reports. */
    @Override
    public String toString() {
        return "UsernamePassword[" + username + "]";
    }
}
