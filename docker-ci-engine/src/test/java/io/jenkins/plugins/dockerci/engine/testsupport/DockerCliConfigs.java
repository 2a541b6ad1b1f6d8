package io.jenkins.plugins.dockerci.engine.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

/**
 * Docker CLI configurations in a temporary directory, as {@code docker login} leaves them, for tests that take
 * credentials from there: never the real {@code ~/.docker}. Each method returns the environment variables that make
 * a process use the configuration.
 */
public final class DockerCliConfigs {

    /** The credential store name the helper configuration uses ({@code docker-credential-dci-test}). */
    public static final String HELPER = "dci-test";

    private static final ObjectMapper JSON = new ObjectMapper();

    private DockerCliConfigs() {
    }

    /** A {@code config.json} whose {@code auths} entry holds the credentials, as {@code docker login} without a helper writes it. */
    public static Map<String, String> withAuths(Path dir, String registry, String user, String password) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("auths").putObject(registry).put("auth",
                Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        Files.createDirectories(dir);
        JSON.writeValue(dir.resolve("config.json").toFile(), root);
        return Map.of("DOCKER_CONFIG", dir.toString());
    }

    /**
     * A {@code config.json} whose {@code credsStore} is a credential helper script on the returned {@code PATH}; the
     * script answers {@code get} for {@code registry} (read from stdin, as the Docker CLI sends it) with the
     * credentials and "credentials not found in native keychain" for any other, and logs each call to {@code calls.log}.
     */
    public static Map<String, String> withHelper(Path dir, String registry, String user, String password) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        ObjectNode answer = JSON.createObjectNode().put("ServerURL", registry).put("Username", user).put("Secret", password);
        JSON.writeValue(dir.resolve("answer.json").toFile(), answer);
        Path helper = Files.writeString(bin.resolve("docker-credential-" + HELPER), """
                #!/bin/sh
                server=$(cat)
                echo "$1 $server" >> '%1$s/calls.log'
                case "$1" in
                  get) if [ "$server" = '%2$s' ]; then cat '%1$s/answer.json'; exit 0; fi ;;
                  list) printf '{"%2$s":"%3$s"}'; exit 0 ;;
                esac
                echo "credentials not found in native keychain"
                exit 1
                """.formatted(dir, registry, user));
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(dir.resolve("config.json"), "{\"auths\": {\"" + registry + "\": {}}, \"credsStore\": \"" + HELPER + "\"}");
        return Map.of("DOCKER_CONFIG", dir.toString(), "PATH", bin + ":" + System.getenv("PATH"));
    }

    /** An empty configuration: no credentials for any registry. */
    public static Map<String, String> empty(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), "{}");
        return Map.of("DOCKER_CONFIG", dir.toString());
    }
}
