package io.jenkins.plugins.dockerci.config;

import io.jenkins.plugins.dockerci.Messages;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Registry addresses as users write them ({@code https://registry.example.com/}, {@code registry.example.com:443},
 * {@code docker.io}) reduced to one comparable key: lower-case host, explicit port only when it is not the default,
 * Docker Hub's aliases folded into one.
 */
public final class RegistryUrls {

    /** The key of Docker Hub, whatever alias names it. */
    public static final String DOCKER_HUB = "docker.io";

    private RegistryUrls() {
    }

    /** The comparison key of a registry address; throws {@link IllegalArgumentException} if it is not one. */
    public static String key(String url) {
        URI uri = parse(url.trim());
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("index.docker.io") || host.equals("registry-1.docker.io") || host.equals("registry.hub.docker.com")) {
            host = DOCKER_HUB;
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (port == 443 && "https".equals(uri.getScheme()))
                || (port == 80 && "http".equals(uri.getScheme()));
        return defaultPort ? host : host + ":" + port;
    }

    /** The address as a URI for credential domain matching ({@code https://} added when no scheme is given). */
    public static String asUri(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String trimmed = url.trim();
        return trimmed.contains("://") ? trimmed : "https://" + trimmed;
    }

    static Optional<String> problem(String url) {
        try {
            key(url);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(asUri(url));
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new IllegalArgumentException(Messages.RegistryUrls_scheme(url));
            }
            if (uri.getHost() == null) {
                throw new IllegalArgumentException(Messages.RegistryUrls_noHost(url));
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(Messages.RegistryUrls_invalid(url, e.getReason()), e);
        }
    }
}
