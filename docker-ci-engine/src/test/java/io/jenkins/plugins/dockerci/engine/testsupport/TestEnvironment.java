package io.jenkins.plugins.dockerci.engine.testsupport;

import io.jenkins.plugins.dockerci.engine.docker.DockerEndpoint;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The facts of the real test environment that {@code scripts/docker-env up} wrote: Docker host, registries,
 * test credentials, base images.
 *
 * <p>Read from {@code $DOCKER_CI_ENV_FILE}, else {@code $DOCKER_CI_STATE_DIR/test-env.properties}, else
 * {@code ${XDG_STATE_HOME:-~/.local/state}/docker-ci-steps/test-env.properties}. Each registry fact can be
 * overridden by an environment variable, so the same tests run against registries that run elsewhere:
 * {@code DOCKER_CI_REGISTRY_ANONYMOUS}, {@code DOCKER_CI_REGISTRY_AUTH}, {@code DOCKER_CI_REGISTRY_USER},
 * {@code DOCKER_CI_REGISTRY_PASSWORD}; the TLS endpoint's by {@code DOCKER_CI_TLS_HOST} and
 * {@code DOCKER_CI_TLS_CERT_PATH}.
 */
public final class TestEnvironment {

    private static final TestEnvironment CURRENT = load(System.getenv());

    private final Properties facts;
    private final Map<String, String> env;
    private final Path source;

    private TestEnvironment(Properties facts, Map<String, String> env, Path source) {
        this.facts = facts;
        this.env = env;
        this.source = source;
    }

    /** The environment of this test JVM. */
    public static TestEnvironment current() {
        return CURRENT;
    }

    static TestEnvironment load(Map<String, String> env) {
        Path file = factsFile(env);
        Properties props = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                props.load(in);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the test environment facts in " + file + ": " + e.getMessage(), e);
            }
        }
        return new TestEnvironment(props, env, file);
    }

    static Path factsFile(Map<String, String> env) {
        if (env.get("DOCKER_CI_ENV_FILE") != null) {
            return Path.of(env.get("DOCKER_CI_ENV_FILE"));
        }
        if (env.get("DOCKER_CI_STATE_DIR") != null) {
            return Path.of(env.get("DOCKER_CI_STATE_DIR"), "test-env.properties");
        }
        String stateHome = env.getOrDefault("XDG_STATE_HOME", Path.of(System.getProperty("user.home"), ".local", "state").toString());
        return Path.of(stateHome, "docker-ci-steps", "test-env.properties");
    }

    /** The Docker engine the tests use: the one {@code scripts/docker-env} recorded, else the environment's. */
    public DockerEndpoint dockerEndpoint() {
        if (env.get("DOCKER_HOST") == null && facts.getProperty("docker.host") != null) {
            return DockerEndpoint.fromEnvironment(Map.of("DOCKER_HOST", facts.getProperty("docker.host")));
        }
        return DockerEndpoint.fromEnvironment(env);
    }

    /**
     * The same engine behind TLS that verifies clients: {@code tcp://127.0.0.1:2376} with the client certificate
     * {@code scripts/docker-env up} made (a socat proxy in front of the engine's socket).
     *
     * @throws IllegalStateException naming what to run when the certificates are not there
     */
    public DockerEndpoint tlsDockerEndpoint() {
        return DockerEndpoint.of(tlsDockerHost()).withTls(tlsCertPath());
    }

    /** {@code tcp://host:port} of the TLS endpoint. */
    public String tlsDockerHost() {
        return fact("DOCKER_CI_TLS_HOST", "docker.tls.host", "tcp://127.0.0.1:2376");
    }

    /**
     * The TLS client folder in the docker CLI's layout ({@code DOCKER_CERT_PATH}): {@code ca.pem}, {@code cert.pem},
     * {@code key.pem}. Falls back to {@code tls/client} beside the facts file, where {@code scripts/docker-env} makes it.
     */
    public Path tlsCertPath() {
        Path path = Path.of(fact("DOCKER_CI_TLS_CERT_PATH", "docker.tls.certPath",
                source.toAbsolutePath().resolveSibling("tls").resolve("client").toString()));
        for (String name : DockerEndpoint.CERTIFICATE_FILES) {
            if (!Files.isRegularFile(path.resolve(name))) {
                throw new IllegalStateException("The TLS test endpoint's " + name + " is missing in " + path
                        + ": run scripts/docker-env up, which makes the certificates and serves an engine on a unix socket"
                        + " over TLS on " + tlsDockerHost() + ".");
            }
        }
        return path;
    }

    /** PEM text of the CA that signed the TLS endpoint's server certificate (a Docker server credential's CA). */
    public String tlsCaCertificatePem() {
        return pem("ca.pem");
    }

    /** PEM text of the client certificate the TLS endpoint accepts. */
    public String tlsClientCertificatePem() {
        return pem("cert.pem");
    }

    /** PEM text of the client certificate's private key; a secret, keep it out of logs and messages. */
    public String tlsClientKeyPem() {
        return pem("key.pem");
    }

    /** {@code host:port} of the registry that needs no credentials. */
    public String anonymousRegistry() {
        return fact("DOCKER_CI_REGISTRY_ANONYMOUS", "registry.anonymous", "127.0.0.1:5000");
    }

    /** {@code host:port} of the registry that needs basic auth. */
    public String authRegistry() {
        return fact("DOCKER_CI_REGISTRY_AUTH", "registry.auth", "127.0.0.1:5001");
    }

    public String authRegistryUser() {
        return fact("DOCKER_CI_REGISTRY_USER", "registry.auth.username", "ci-user");
    }

    /** The test password; it contains ':' and non-ASCII characters on purpose. */
    public String authRegistryPassword() {
        return fact("DOCKER_CI_REGISTRY_PASSWORD", "registry.auth.password", "s3cr:t-p\u00e4ssw\u00f6rd");
    }

    /** Where the facts were read from (for messages). */
    public Path source() {
        return source;
    }

    private String pem(String name) {
        Path file = tlsCertPath().resolve(name);
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private String fact(String envName, String key, String fallback) {
        String fromEnv = env.get(envName);
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : facts.getProperty(key, fallback);
    }
}
