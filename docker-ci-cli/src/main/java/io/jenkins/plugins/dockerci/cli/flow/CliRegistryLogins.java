package io.jenkins.plugins.dockerci.cli.flow;

import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where {@code docker-ci} finds the credentials for a registry, in this order: the flow file's {@code registry} entries
 * (their environment variables), then the Docker CLI's configuration ({@code auths} written by {@code docker login},
 * then the registry's credential helper), then none (anonymous). Its advice names those sources.
 */
public final class CliRegistryLogins implements RegistryLogins {

    private final RegistryLogins flowFile;
    private final RegistryLogins dockerConfig;

    /**
     * @param fromFlowFile the flow file's registry entries
     * @param dockerConfig the Docker CLI's configuration of this environment
     */
    public CliRegistryLogins(List<RegistryLogin> fromFlowFile, RegistryLogins dockerConfig) {
        this.flowFile = RegistryLogins.of(fromFlowFile);
        this.dockerConfig = dockerConfig;
    }

    @Override
    public Optional<RegistryLogin> forRegistry(String registry) {
        return flowFile.forRegistry(registry).or(() -> dockerConfig.forRegistry(registry));
    }

    @Override
    public List<RegistryLogin> known() {
        List<RegistryLogin> all = new ArrayList<>(flowFile.known());
        dockerConfig.known().stream().filter(login -> flowFile.forRegistry(login.registry()).isEmpty()).forEach(all::add);
        return all;
    }

    @Override
    public String howToConfigure(String registry) {
        return "add it to the flow file as registry: {url: " + registry + ", usernameVariable: <VAR>, passwordVariable: <VAR>} with"
                + " both variables exported, or " + dockerConfig.howToConfigure(registry) + ", or set up a credential helper for it";
    }
}
