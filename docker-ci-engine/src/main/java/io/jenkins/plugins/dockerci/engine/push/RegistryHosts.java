package io.jenkins.plugins.dockerci.engine.push;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.image.ImageReference;
import java.util.Locale;

/** Brings the ways people and tools write a registry address to the {@code host[:port]} form of {@link ImageReference#domain()}. */
final class RegistryHosts {

    private RegistryHosts() {
    }

    /**
     * {@code https://index.docker.io/v1/} becomes {@code docker.io}; {@code http://127.0.0.1:5001/} becomes
     * {@code 127.0.0.1:5001}.
     *
     * @throws InvalidRequestException when nothing is left that could be a host
     */
    static String normalise(String address) {
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
}
