package io.jenkins.plugins.dockerci.engine.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.util.Objects;

/**
 * The HTTP transport of a client made by {@link DockerClients#open}, which remembers the {@link DockerEndpoint} it
 * talks to: calls docker-java has no command for (BuildKit builds, {@code /_ping}'s headers) go through it, and a
 * BuildKit session opens its own connection to the same endpoint ({@link EngineSocket}). So every client knows
 * where it is connected, and no caller has to pass the address along.
 */
public final class EngineTransport implements DockerHttpClient {

    private final DockerHttpClient delegate;
    private final DockerEndpoint endpoint;

    EngineTransport(DockerHttpClient delegate, DockerEndpoint endpoint) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    /** The engine this transport talks to. */
    public DockerEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public Response execute(Request request) {
        return delegate.execute(request);
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
