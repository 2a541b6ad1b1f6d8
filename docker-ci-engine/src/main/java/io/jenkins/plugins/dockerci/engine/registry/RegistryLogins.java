package io.jenkins.plugins.dockerci.engine.registry;

import io.jenkins.plugins.dockerci.engine.push.RegistryCredentials;
import java.util.Optional;

/**
 * Where the credentials for a registry come from, asked once per registry host that a run pulls from or pushes to
 * (a {@code FROM} base, a service or test image, a push target, a BuildKit session's auth callback).
 *
 * <p>Jenkins answers from a step's own credentials and the admin's registry list; the command-line runner from the
 * YAML's registry entries and the Docker CLI's configuration. An empty answer means "pull or push anonymously".
 */
@FunctionalInterface
public interface RegistryLogins {

    /**
     * The login for one registry.
     *
     * @param registry {@code host[:port]} as {@link io.jenkins.plugins.dockerci.engine.image.ImageReference#domain()}
     *                 gives it ({@code docker.io} for Docker Hub)
     */
    Optional<RegistryLogin> forRegistry(String registry);

    /** No credentials for any registry. */
    static RegistryLogins none() {
        return registry -> Optional.empty();
    }

    /**
     * Credentials for one registry, and where they came from.
     *
     * @param registry    {@code host[:port]}
     * @param credentials the username and password or identity token
     * @param origin      where they were found, for the log (e.g. "Jenkins credentials 'registry-ci'",
     *                    "~/.docker/config.json"); never a secret
     */
    record RegistryLogin(String registry, RegistryCredentials credentials, String origin) {

        @Override
        public String toString() {
            return "RegistryLogin[" + registry + ", " + credentials + ", from " + origin + "]";
        }
    }
}
