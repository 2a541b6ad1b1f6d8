package io.jenkins.plugins.dockerci.engine.docker;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.SSLConfig;
import com.github.dockerjava.transport.UnixSocket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A raw connection to the Docker engine, for the protocols docker-java cannot speak (the HTTP/2 upgrade of a
 * BuildKit session). It goes the way docker-java's own transport goes: docker-java's Unix socket for
 * {@code unix://} hosts, TCP for {@code tcp://}, and TLS with the same client certificates (docker-java's
 * {@link SSLConfig} for the endpoint's certificate folder) and host name verification when the endpoint verifies TLS.
 */
public final class EngineSocket {

    private EngineSocket() {
    }

    /**
     * Connects.
     *
     * @throws IOException when the engine cannot be reached or the TLS handshake fails
     * @throws UnsupportedOperationException for named pipes (Windows engines, which have no BuildKit)
     */
    public static Socket connect(DockerEndpoint endpoint) throws IOException {
        URI host = URI.create(endpoint.host());
        switch (host.getScheme()) {
            case "unix" -> {
                return UnixSocket.get(host.getPath());
            }
            case "tcp" -> {
                return tcp(endpoint, host);
            }
            default -> throw new UnsupportedOperationException("raw connections to " + endpoint.describe()
                    + " are not supported; use a unix:// or tcp:// Docker host");
        }
    }

    /** The value of the {@code Host} header for requests on such a connection. */
    public static String hostHeader(DockerEndpoint endpoint) {
        URI host = URI.create(endpoint.host());
        return "tcp".equals(host.getScheme()) ? host.getHost() + ":" + host.getPort() : "localhost";
    }

    private static Socket tcp(DockerEndpoint endpoint, URI host) throws IOException {
        Socket plain = new Socket();
        try {
            plain.setKeepAlive(true);
            plain.setTcpNoDelay(true);
            plain.connect(new InetSocketAddress(host.getHost(), host.getPort()), (int) endpoint.connectTimeout().toMillis());
            if (!endpoint.tlsVerify()) {
                return plain;
            }
            SSLSocket tls = (SSLSocket) sslContext(endpoint).getSocketFactory()
                    .createSocket(plain, host.getHost(), host.getPort(), true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            return tls;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    private static SSLContext sslContext(DockerEndpoint endpoint) throws IOException {
        SSLConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(endpoint.host())
                .withDockerTlsVerify(true)
                .withDockerCertPath(endpoint.certPath().toString())
                .build()
                .getSSLConfig();
        try {
            return config.getSSLContext();
        } catch (GeneralSecurityException e) {
            throw new IOException("the client certificates in " + endpoint.certPath() + " cannot be used: " + e.getMessage(), e);
        }
    }
}
