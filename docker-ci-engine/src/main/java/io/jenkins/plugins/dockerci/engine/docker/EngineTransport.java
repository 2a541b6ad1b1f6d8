package io.jenkins.plugins.dockerci.engine.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The HTTP transport of a client made by {@link DockerClients#open}, which remembers the {@link DockerEndpoint} it
 * talks to: calls docker-java has no command for (canceling a BuildKit build, {@code /_ping}'s headers, which it
 * keeps) go through it, and BuildKit builds and sessions open their own connections to the same endpoint
 * ({@link EngineSocket}). So every client knows where it is connected, and no caller has to pass the address along.
 */
public final class EngineTransport implements DockerHttpClient {

    private final DockerHttpClient delegate;
    private final DockerEndpoint endpoint;
    private final AtomicReference<EnginePing> ping = new AtomicReference<>();

    EngineTransport(DockerHttpClient delegate, DockerEndpoint endpoint) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    /** The engine this transport talks to. */
    public DockerEndpoint endpoint() {
        return endpoint;
    }

    /**
     * The engine's answer to {@code GET /_ping}, asked once per client ({@link DockerClients#connect} asks it): what
     * it tells (API version, OS, default builder) does not change while the engine runs, and a client lives for one
     * run or step. An answer other than 200 OK is not kept.
     *
     * @throws RuntimeException when the engine cannot be reached
     */
    public EnginePing ping() {
        EnginePing known = ping.get();
        if (known != null) {
            return known;
        }
        EnginePing answer = EnginePing.ask(delegate);
        if (answer.answered()) {
            ping.compareAndSet(null, answer);
        }
        return answer;
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
