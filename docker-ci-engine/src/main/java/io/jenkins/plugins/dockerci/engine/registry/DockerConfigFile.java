package io.jenkins.plugins.dockerci.engine.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The credential parts of a Docker CLI configuration ({@code $DOCKER_CONFIG/config.json}, else
 * {@code ~/.docker/config.json}), as {@code docker login} leaves them: the {@code auths} entries that hold a secret,
 * the {@code credsStore} that keeps all others, and the {@code credHelpers} that keep one registry each.
 *
 * <p>An {@code auths} entry's {@code auth} field is base64 of {@code username:password}; it is split at the
 * <em>first</em> {@code :}, because a username cannot contain one and a password can. {@code identitytoken} entries
 * become identity-token credentials. Entries without a secret (those a helper keeps) are left out.
 *
 * @param file        the file read (it need not exist)
 * @param auths       credentials written into the file, by registry {@code host[:port]}
 * @param credsStore  the default credential helper's name ({@code desktop} for {@code docker-credential-desktop}), if any
 * @param credHelpers the credential helper's name per registry {@code host[:port]}
 */
public record DockerConfigFile(Path file, Map<String, RegistryCredentials> auths, Optional<String> credsStore,
                               Map<String, String> credHelpers) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public DockerConfigFile {
        auths = Map.copyOf(auths);
        credHelpers = Map.copyOf(credHelpers);
    }

    /** Where the Docker CLI would look in this environment ({@code DOCKER_CONFIG} is honoured). */
    public static Path location(Map<String, String> env) {
        String dir = env.get("DOCKER_CONFIG");
        return dir != null && !dir.isBlank()
                ? Path.of(dir, "config.json")
                : Path.of(System.getProperty("user.home"), ".docker", "config.json");
    }

    /**
     * Reads the configuration the Docker CLI would use for this environment; no file means no credentials.
     *
     * @throws DockerCiException when the file exists but cannot be read or parsed (the message names the file, never its secrets)
     */
    public static DockerConfigFile load(Map<String, String> env) {
        Path file = location(env);
        return Files.exists(file) ? read(file) : new DockerConfigFile(file, Map.of(), Optional.empty(), Map.of());
    }

    /**
     * Reads one configuration file.
     *
     * @throws DockerCiException when it cannot be read or parsed, or an entry is malformed
     */
    public static DockerConfigFile read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            // Jackson's message may quote the file's content: name the file and the position only
            throw new DockerCiException("Cannot read the Docker configuration " + file + " (" + e.getClass().getSimpleName()
                    + "): check that it is valid JSON, e.g. by running 'docker login' again.");
        }
        if (root == null || !root.isObject()) {
            throw new DockerCiException("The Docker configuration " + file + " is not a JSON object: run 'docker login' again to"
                    + " rewrite it.");
        }
        Map<String, RegistryCredentials> auths = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields(root, "auths"); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            RegistryCredentials credentials = entryCredentials(file, entry.getKey(), entry.getValue());
            if (credentials != null) {
                auths.putIfAbsent(RegistryHosts.normalise(entry.getKey()), credentials);
            }
        }
        Map<String, String> helpers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields(root, "credHelpers"); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            text(entry.getValue()).ifPresent(name -> helpers.putIfAbsent(RegistryHosts.normalise(entry.getKey()), name));
        }
        return new DockerConfigFile(file, auths, text(root.get("credsStore")), helpers);
    }

    /**
     * The credentials written into the file for {@code registry} ({@code host[:port]} or a URL such as
     * {@code https://index.docker.io/v1/}).
     */
    public Optional<RegistryCredentials> authFor(String registry) {
        return Optional.ofNullable(auths.get(RegistryHosts.normalise(registry)));
    }

    /** The credential helper that keeps {@code registry}'s credentials: its own {@code credHelpers} entry, else {@code credsStore}. */
    public Optional<String> helperFor(String registry) {
        return Optional.ofNullable(credHelpers.get(RegistryHosts.normalise(registry))).or(() -> credsStore);
    }

    private static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode root, String name) {
        JsonNode node = root.get(name);
        return node != null && node.isObject() ? node.fields() : Collections.emptyIterator();
    }

    private static RegistryCredentials entryCredentials(Path file, String registry, JsonNode entry) {
        Optional<String> token = text(entry.get("identitytoken"));
        if (token.isPresent()) {
            return RegistryCredentials.identityToken(token.get());
        }
        Optional<String> auth = text(entry.get("auth"));
        if (auth.isPresent()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.get().strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw malformed(file, registry, "its 'auth' field is not valid base64");
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0 || colon == decoded.length() - 1) {
                throw malformed(file, registry, "its 'auth' field does not decode to username:password");
            }
            return RegistryCredentials.usernamePassword(decoded.substring(0, colon), decoded.substring(colon + 1));
        }
        Optional<String> username = text(entry.get("username"));
        Optional<String> password = text(entry.get("password"));
        if (username.isPresent() && password.isPresent()) {
            return RegistryCredentials.usernamePassword(username.get(), password.get());
        }
        return null;
    }

    private static Optional<String> text(JsonNode value) {
        return value != null && value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static DockerCiException malformed(Path file, String registry, String why) {
        return new DockerCiException("The Docker configuration " + file + " has a malformed entry for " + registry + ": " + why
                + ". Run 'docker login " + registry + "' again to rewrite it.");
    }

    @Override
    public String toString() {
        return "DockerConfigFile[" + file + ", auths=" + auths.keySet() + ", credsStore=" + credsStore.orElse("none")
                + ", credHelpers=" + credHelpers + "]";
    }
}
