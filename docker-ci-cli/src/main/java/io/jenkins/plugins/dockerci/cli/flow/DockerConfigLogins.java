package io.jenkins.plugins.dockerci.cli.flow;

import io.jenkins.plugins.dockerci.engine.push.DockerConfigCredentials;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins;
import java.util.Map;

/** The logins {@code docker login} stored in the Docker CLI's configuration, as {@link RegistryLogins}. */
public final class DockerConfigLogins {

    private DockerConfigLogins() {
    }

    /** The {@code auths} of {@code $DOCKER_CONFIG/config.json} (or {@code ~/.docker/config.json}), read when asked. */
    public static RegistryLogins of(Map<String, String> env) {
        return registry -> DockerConfigCredentials.load(env).forRegistry(registry)
                .map(credentials -> new RegistryLogins.RegistryLogin(registry, credentials, "the Docker CLI's config.json"));
    }
}
