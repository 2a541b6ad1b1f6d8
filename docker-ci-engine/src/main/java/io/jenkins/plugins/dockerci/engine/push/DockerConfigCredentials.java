package io.jenkins.plugins.dockerci.engine.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code auths} entries of a Docker CLI configuration ({@code $DOCKER_CONFIG/config.json}, else
 * {@code ~/.docker/config.json}), for callers such as the CLI that take credentials from where {@code docker login}
 * put them. Nothing reads this file implicitly: a push uses only the credentials its request names.
 *
 * <p>An entry's {@code auth} field is base64 of {@code username:password}; it is split at the <em>first</em>
 * {@code :}, because a username cannot contain one and a password can. {@code identitytoken} entries become
 * identity-token credentials. Entries kept by a credential helper ({@code credsStore}, {@code credHelpers}) hold no
 * secret in the file and are not resolved here.
 */
public final class DockerConfigCredentials {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, RegistryCredentials> byRegistry;

    private DockerConfigCredentials(Map<String, RegistryCredentials> byRegistry) {
        this.byRegistry = Map.copyOf(byRegistry);
    }

    /**
     * Reads the configuration the Docker CLI would use for this environment; no file means no credentials.
     *
     * @param env the environment ({@code DOCKER_CONFIG} is honoured)
     * @throws DockerCiException when the file exists but cannot be read or parsed (the message names the file, never its secrets)
     */
    public static DockerConfigCredentials load(Map<String, String> env) {
        String dir = env.get("DOCKER_CONFIG");
        Path file = dir != null && !dir.isBlank()
                ? Path.of(dir, "config.json")
                : Path.of(System.getProperty("user.home"), ".docker", "config.json");
        return Files.exists(file) ? read(file) : new DockerConfigCredentials(Map.of());
    }

    /**
     * Reads one configuration file.
     *
     * @throws DockerCiException when it cannot be read or parsed, or an entry is malformed
     */
    public static DockerConfigCredentials read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            // Jackson's message may quote the file's content: name the file and the position only
            throw new DockerCiException("Cannot read the Docker configuration " + file + " (" + e.getClass().getSimpleName()
                    + "): check that it is valid JSON, e.g. by running 'docker login' again.");
        }
        Map<String, RegistryCredentials> found = new LinkedHashMap<>();
        JsonNode auths = root == null ? null : root.get("auths");
        if (auths != null && auths.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                RegistryCredentials credentials = entryCredentials(file, entry.getKey(), entry.getValue());
                if (credentials != null) {
                    found.put(RegistryHosts.normalise(entry.getKey()), credentials);
                }
            }
        }
        return new DockerConfigCredentials(found);
    }

    /** The credentials stored for {@code registry} ({@code host[:port]} or a URL such as {@code https://index.docker.io/v1/}). */
    public Optional<RegistryCredentials> forRegistry(String registry) {
        return Optional.ofNullable(byRegistry.get(RegistryHosts.normalise(registry)));
    }

    /** All credentials found, by registry {@code host[:port]}. */
    public Map<String, RegistryCredentials> all() {
        return byRegistry;
    }

    private static RegistryCredentials entryCredentials(Path file, String registry, JsonNode entry) {
        String token = text(entry, "identitytoken");
        if (token != null) {
            return RegistryCredentials.identityToken(token);
        }
        String auth = text(entry, "auth");
        if (auth != null) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw malformed(file, registry, "its 'auth' field is not valid base64");
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw malformed(file, registry, "its 'auth' field does not decode to username:password");
            }
            return RegistryCredentials.usernamePassword(decoded.substring(0, colon), decoded.substring(colon + 1));
        }
        String username = text(entry, "username");
        String password = text(entry, "password");
        if (username != null && password != null) {
            return RegistryCredentials.usernamePassword(username, password);
        }
        return null;
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry == null ? null : entry.get(field);
        return value != null && value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }

    private static DockerCiException malformed(Path file, String registry, String why) {
        return new DockerCiException("The Docker configuration " + file + " has a malformed entry for " + registry + ": " + why
                + ". Run 'docker login " + registry + "' again to rewrite it.");
    }
}
