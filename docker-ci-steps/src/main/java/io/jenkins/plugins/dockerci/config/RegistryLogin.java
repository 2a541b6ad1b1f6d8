package io.jenkins.plugins.dockerci.config;

import java.io.Serializable;
import java.util.Objects;

/**
 * A resolved registry login, sent with the work to the agent. Plain strings only (JEP-200); the password never appears
 * in {@link #toString()}.
 *
 * @param registry the registry address as the user wrote it
 * @param username the user name
 * @param password the password or token (add it to the build's secret masker)
 */
public record RegistryLogin(String registry, String username, String password) implements Serializable {

    public RegistryLogin {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "RegistryLogin[" + registry + ", username=" + username + ", password=****]";
    }
}
