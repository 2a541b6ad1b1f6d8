package io.jenkins.plugins.dockerci.host;

import io.jenkins.plugins.dockerci.agent.Jep200;
import io.jenkins.plugins.dockerci.engine.docker.DockerEndpoint;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which Docker engine the work on a node talks to: resolved on the controller (global configuration, credentials,
 * the build's environment), turned into a {@link DockerEndpoint} on the agent.
 *
 * @param uri         the configured Docker host, or {@code null} for the node's own engine
 * @param tls         the TLS material for {@code uri}, or {@code null}
 * @param environment the build's {@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH}; they
 *                    win over the agent process's own when {@code uri} is {@code null}
 */
public record DockerHostSpec(String uri, TlsMaterial tls, Map<String, String> environment) implements Serializable {

    /** The environment variables that choose a Docker engine, as the docker CLI reads them. */
    public static final Set<String> VARIABLES = Set.of("DOCKER_HOST", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH");

    public DockerHostSpec {
        if (uri != null) {
            DockerEndpoint.of(uri); // rejects what the engine would reject, with its message
        } else if (tls != null) {
            throw new IllegalArgumentException("TLS material needs an explicit Docker host URI");
        }
        Map<String, String> docker = new HashMap<>();
        if (environment != null) {
            environment.forEach((name, value) -> {
                if (VARIABLES.contains(name) && value != null) {
                    docker.put(name, value);
                }
            });
        }
        environment = Jep200.map(docker);
    }

    /** Each node's own engine, as chosen by the build's environment (or the agent's, or the default socket). */
    public static DockerHostSpec nodeDefault(Map<String, String> buildEnvironment) {
        return new DockerHostSpec(null, null, buildEnvironment);
    }

    /** The configured host, with TLS material or without. */
    public static DockerHostSpec explicit(String uri, TlsMaterial tls) {
        return new DockerHostSpec(uri, tls, null);
    }

    /**
     * The endpoint, on the agent.
     *
     * @param processEnvironment the agent process's environment
     * @param tlsDirectory       where {@link TlsDirectory} wrote {@link #tls()}; ignored without TLS
     */
    public DockerEndpoint endpoint(Map<String, String> processEnvironment, Path tlsDirectory) {
        if (uri == null) {
            Map<String, String> merged = new HashMap<>(processEnvironment);
            merged.putAll(environment);
            return DockerEndpoint.fromEnvironment(merged);
        }
        DockerEndpoint endpoint = DockerEndpoint.of(uri);
        if (tls == null) {
            return endpoint;
        }
        if (tlsDirectory == null) {
            throw new IllegalStateException("the TLS material for " + uri + " has not been written to a directory");
        }
        return endpoint.withTls(tlsDirectory);
    }

    /** What the build's log masking must hide for this host. */
    public List<String> secrets() {
        return tls == null ? List.of() : List.of(tls.clientKey());
    }
}
