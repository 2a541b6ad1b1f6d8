package io.jenkins.plugins.dockerci.engine.registry;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.image.ImageReference;
import java.util.Locale;

/**
 * Brings the ways people and tools write a registry address to the {@code host[:port]} form of
 * {@link ImageReference#domain()}, and back to the form the Docker engine and credential helpers expect.
 */
public final class RegistryHosts {

    /**
     * The address Docker keys Docker Hub's credentials by: the engine looks them up under it in
     * {@code X-Registry-Config}, and {@code docker login} stores them under it.
     */
    public static final String DOCKER_HUB_AUTH_KEY = "https://index.docker.io/v1/";

    private RegistryHosts() {
    }

    /**
     * {@code https://index.docker.io/v1/} becomes {@code docker.io} (as do {@code index.docker.io},
     * {@code registry-1.docker.io} and {@code registry.hub.docker.com}); {@code http://127.0.0.1:5001/} becomes
     * {@code 127.0.0.1:5001}.
     *
     * @throws InvalidRequestException when nothing is left that could be a host
     */
    public static String normalise(String address) {
        if (address == null || address.isBlank()) {
            throw new InvalidRequestException("A registry address is empty: give host[:port], e.g. 127.0.0.1:5001 or registry.example.com.");
        }
        String host = address.strip();
        int scheme = host.indexOf("://");
        if (scheme >= 0) {
            host = host.substring(scheme + 3);
        }
        int slash = host.indexOf('/');
        if (slash >= 0) {
            host = host.substring(0, slash);
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.isEmpty() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidRequestException("Registry address '" + address + "' has no host: give host[:port], e.g. 127.0.0.1:5001.");
        }
        return switch (host) {
            case "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com" -> ImageReference.DOCKER_HUB;
            default -> host;
        };
    }

    /**
     * The address the engine and the credential helpers know a registry by: {@link #DOCKER_HUB_AUTH_KEY} for
     * Docker Hub, {@code host[:port]} for any other.
     */
    public static String authKey(String registry) {
        String host = normalise(registry);
        return host.equals(ImageReference.DOCKER_HUB) ? DOCKER_HUB_AUTH_KEY : host;
    }
}
