package io.jenkins.plugins.dockerci.host;

import io.jenkins.plugins.dockerci.engine.docker.DockerEndpoint;
import java.io.IOException;
import java.util.Map;

/**
 * The Docker engine of a {@link DockerHostSpec}, on the agent, for the duration of one piece of work: writes the TLS
 * material (if any) to a private directory, gives the endpoint, and deletes the material when closed.
 *
 * <pre>{@code
 * try (NodeDockerHost host = NodeDockerHost.open(spec, System.getenv())) {
 *     DockerEndpoint endpoint = host.endpoint();
 *     ...
 * }
 * }</pre>
 */
public final class NodeDockerHost implements AutoCloseable {

    private final DockerEndpoint endpoint;
    private final TlsDirectory tls;

    private NodeDockerHost(DockerEndpoint endpoint, TlsDirectory tls) {
        this.endpoint = endpoint;
        this.tls = tls;
    }

    /** @param processEnvironment the agent process's environment ({@code System.getenv()}) */
    public static NodeDockerHost open(DockerHostSpec spec, Map<String, String> processEnvironment) throws IOException {
        TlsDirectory tls = spec.tls() == null ? null : TlsDirectory.write(spec.tls());
        try {
            return new NodeDockerHost(spec.endpoint(processEnvironment, tls == null ? null : tls.path()), tls);
        } catch (RuntimeException e) {
            if (tls != null) {
                tls.close();
            }
            throw e;
        }
    }

    public DockerEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws IOException {
        if (tls != null) {
            tls.close();
        }
    }
}
