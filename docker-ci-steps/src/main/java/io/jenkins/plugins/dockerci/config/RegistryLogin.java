package io.jenkins.plugins.dockerci.config;

import io.jenkins.plugins.dockerci.engine.log.SecretMasker;
import io.jenkins.plugins.dockerci.engine.registry.RegistryCredentials;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A resolved registry login as it travels to the agent: plain strings only (JEP-200), turned into the engine's
 * {@link RegistryCredentials} there. The password never appears in {@link #toString()}.
 *
 * @param registry the registry address as the user wrote it
 * @param username the user name
 * @param password the password or access token
 * @param origin   where it came from, for the log (never a secret)
 */
public record RegistryLogin(String registry, String username, String password, String origin) implements Serializable {

    /** @throws io.jenkins.plugins.dockerci.engine.InvalidRequestException if the engine would refuse these credentials */
    public RegistryLogin {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(origin, "origin");
        RegistryCredentials.usernamePassword(username, password);
    }

    /** The same login for another spelling of the registry address. */
    public RegistryLogin forRegistry(String address) {
        return new RegistryLogin(address, username, password, origin);
    }

    /** The engine's login, by registry host. */
    public RegistryLogins.RegistryLogin toEngine() {
        return new RegistryLogins.RegistryLogin(registry, credentials(), origin);
    }

    /** The engine's credentials for this login. */
    public RegistryCredentials credentials() {
        return RegistryCredentials.usernamePassword(username, password);
    }

    /** What the build's log masking must hide for this login. */
    public List<String> secrets() {
        return credentials().secrets();
    }

    @Override
    public String toString() {
        return "RegistryLogin[" + registry + ", username=" + username + ", password=" + SecretMasker.MASK + ", from " + origin + "]";
    }
}
