package io.jenkins.plugins.dockerci.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.util.Optional;

/**
 * Makes docker-java clients for a {@link DockerEndpoint} and checks that the engine answers.
 */
public final class DockerClients {

    private DockerClients() {
    }

    /**
     * Opens a client and pings the engine.
     *
     * @throws DockerUnavailableException naming the host and what to check when the engine does not answer
     */
    public static DockerClient connect(DockerEndpoint endpoint) {
        DockerClient client = open(endpoint);
        try {
            // through the transport, which keeps the answer's headers for the client's later questions
            EnginePing ping = transport(client).orElseThrow().ping();
            if (!ping.answered()) {
                throw new IllegalStateException("GET /_ping was answered with HTTP " + ping.status());
            }
            return client;
        } catch (RuntimeException e) {
            closeQuietly(client, e);
            throw unavailable(endpoint, e);
        }
    }

    /** Opens a client without contacting the engine. */
    public static DockerClient open(DockerEndpoint endpoint) {
        // API version deliberately left unset: docker-java does not negotiate, and unversioned paths get the
        // daemon's own version, while a pinned newer version makes even ping fail on older engines.
        DefaultDockerClientConfig.Builder config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(endpoint.host())
                .withDockerTlsVerify(endpoint.tlsVerify());
        if (endpoint.tlsVerify()) {
            config.withDockerCertPath(endpoint.certPath().toString());
        }
        DockerClientConfig cfg = config.build();
        DockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(cfg.getDockerHost())
                .sslConfig(cfg.getSSLConfig())
                .maxConnections(64)
                .connectionTimeout(endpoint.connectTimeout())
                .responseTimeout(endpoint.responseTimeout().isZero() ? null : endpoint.responseTimeout())
                .build();
        return DockerClientImpl.getInstance(cfg, new EngineTransport(http, endpoint));
    }

    /**
     * The transport behind a client made by {@link #open}, with the endpoint it talks to; empty for clients made
     * otherwise.
     */
    public static Optional<EngineTransport> transport(DockerClient client) {
        return client instanceof DockerClientImpl impl && impl.getHttpClient() instanceof EngineTransport transport
                ? Optional.of(transport) : Optional.empty();
    }

    static DockerUnavailableException unavailable(DockerEndpoint endpoint, Throwable cause) {
        return new DockerUnavailableException("Cannot reach the Docker engine at " + endpoint.describe() + ": "
                + rootMessage(cause) + ". Check that dockerd is running and that this user may use it"
                + " ('docker info' must work here), or point DOCKER_HOST (or the configured Docker host) at a running engine.",
                cause);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }

    private static void closeQuietly(DockerClient client, Throwable primary) {
        try {
            client.close();
        } catch (IOException e) {
            primary.addSuppressed(e);
        }
    }
}
