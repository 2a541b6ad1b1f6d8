package io.jenkins.plugins.dockerci.engine.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The credentials the Docker CLI would use in an environment: first the {@code auths} entries of its
 * {@link DockerConfigFile} that hold a secret ({@code docker login} without a helper), then the registry's credential
 * helper ({@code credHelpers}, else {@code credsStore}). Each registry is looked up once; a helper is not run again
 * for a registry it already answered.
 */
public final class DockerConfigLogins implements RegistryLogins {

    private final DockerConfigFile config;
    private final Map<String, String> env;
    private final Map<String, Optional<RegistryLogin>> resolved = new ConcurrentHashMap<>();

    /**
     * @param config the configuration read
     * @param env    the environment helpers run with (their {@code PATH} is searched for them)
     */
    public DockerConfigLogins(DockerConfigFile config, Map<String, String> env) {
        this.config = config;
        this.env = Map.copyOf(env);
    }

    /**
     * The Docker CLI's configuration of this environment ({@code $DOCKER_CONFIG/config.json}, else
     * {@code ~/.docker/config.json}); no file means no credentials.
     *
     * @throws io.jenkins.plugins.dockerci.engine.DockerCiException when the file exists but cannot be read
     */
    public static DockerConfigLogins load(Map<String, String> env) {
        return new DockerConfigLogins(DockerConfigFile.load(env), env);
    }

    @Override
    public Optional<RegistryLogin> forRegistry(String registry) {
        return resolved.computeIfAbsent(RegistryHosts.normalise(registry), this::resolve);
    }

    /**
     * The {@code auths} entries, every {@code credHelpers} registry the helper has credentials for, and every registry
     * the {@code credsStore} lists, as the Docker CLI sends them with a classic build.
     */
    @Override
    public List<RegistryLogin> known() {
        Map<String, RegistryLogin> all = new LinkedHashMap<>();
        List<String> hosts = new ArrayList<>(config.auths().keySet());
        hosts.addAll(config.credHelpers().keySet());
        config.credsStore().ifPresent(store -> helper(store, "credsStore").list().keySet().stream()
                .map(RegistryHosts::normalise).forEach(hosts::add));
        for (String host : hosts) {
            if (!all.containsKey(host)) {
                forRegistry(host).ifPresent(login -> all.put(host, login));
            }
        }
        return List.copyOf(all.values());
    }

    @Override
    public String howToConfigure(String registry) {
        return "run 'docker login " + registry + "' (the Docker configuration used is " + config.file() + ")";
    }

    private Optional<RegistryLogin> resolve(String host) {
        Optional<RegistryCredentials> written = config.authFor(host);
        if (written.isPresent()) {
            return Optional.of(new RegistryLogin(host, written.get(), "the auths entry of " + config.file() + " (docker login)"));
        }
        Optional<String> helperName = config.helperFor(host);
        if (helperName.isEmpty()) {
            return Optional.empty();
        }
        String key = config.credHelpers().containsKey(host) ? "credHelpers" : "credsStore";
        CredentialHelper helper = helper(helperName.get(), key);
        return helper.get(RegistryHosts.authKey(host))
                .map(credentials -> new RegistryLogin(host, credentials, "the credential helper " + helper.program() + " ("
                        + key + " in " + config.file() + ")"));
    }

    private CredentialHelper helper(String name, String key) {
        return CredentialHelper.find(name, env, key + " in " + config.file());
    }
}
