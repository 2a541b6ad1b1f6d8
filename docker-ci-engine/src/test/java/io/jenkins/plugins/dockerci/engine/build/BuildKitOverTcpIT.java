package io.jenkins.plugins.dockerci.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.buildkit.BuildSecrets;
import io.jenkins.plugins.dockerci.engine.docker.DockerClients;
import io.jenkins.plugins.dockerci.engine.docker.DockerEndpoint;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import io.jenkins.plugins.dockerci.engine.testsupport.TestEnvironment;
import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * BuildKit builds reach an engine on a {@code tcp://} host, plain and with TLS client certificates: the build and
 * the session each go through a connection of their own, with the same certificates as docker-java's transport.
 */
class BuildKitOverTcpIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    @TempDir
    Path dir;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @Test
    void buildsWithASecretOverPlainTcp() throws Exception {
        // the engine listens on its Unix socket only: a forwarder on 127.0.0.1 stands in for a plain TCP port
        try (Forwarder forwarder = new Forwarder()) {
            build(DockerEndpoint.of("tcp://127.0.0.1:" + forwarder.port()));
        }
    }

    @Test
    void buildsWithASecretOnTheTlsHostWithClientCertificates() throws Exception {
        // the engine behind scripts/docker-env's TLS endpoint: the build's and the session's own TLS connections, with
        // docker-java's client certificate and host name verification
        build(TestEnvironment.current().tlsDockerEndpoint());
    }

    private void build(DockerEndpoint endpoint) throws IOException {
        String secret = "over-tcp-" + UUID.randomUUID();
        Path context = Files.createDirectories(dir.resolve("context"));
        Files.writeString(context.resolve("Dockerfile"), "FROM " + TestImages.BUSYBOX + "\n"
                + "RUN --mount=type=secret,id=token test \"$(wc -c < /run/secrets/token)\" -eq " + secret.length()
                + " && echo secret-seen-" + UUID.randomUUID() + "\n", StandardCharsets.UTF_8);
        try (DockerClient docker = DockerClients.connect(endpoint)) {
            EngineContext ctx = new EngineContext(docker, DOCKER.newRun(), ResourceTracker.NONE);
            BuiltImage image = new ImageBuilder(ctx).build(BuildRequest.builder(context)
                    .secrets(BuildSecrets.builder().value("token", secret, "test").build()).build(), (kind, text) -> log.add(text));
            try {
                assertThat(image.builder()).isEqualTo(BuilderChoice.BUILDKIT);
                assertThat(log).anyMatch(line -> line.matches("#\\d+ \\d+\\.\\d+ secret-seen-.*"));
            } finally {
                docker.removeImageCmd(image.imageId()).withForce(true).exec();
            }
        }
    }

    /** Accepts connections on 127.0.0.1 and relays each to the engine's Unix socket, byte for byte, both ways. */
    private static final class Forwarder implements AutoCloseable {
        private final ServerSocket server;
        private final Thread acceptor;
        private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());

        Forwarder() throws IOException {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.acceptor = new Thread(this::accept, "engine-forwarder");
            this.acceptor.setDaemon(true);
            this.acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            Path engine = Path.of(URI.create(DOCKER.endpoint().host()).getPath());
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    open.add(client);
                    SocketChannel upstream = SocketChannel.open(StandardProtocolFamily.UNIX);
                    upstream.connect(UnixDomainSocketAddress.of(engine));
                    pump(client.getInputStream(), Channels.newOutputStream(upstream), client, upstream);
                    pump(Channels.newInputStream(new ReadOnly(upstream)), client.getOutputStream(), client, upstream);
                } catch (IOException closed) {
                    // the forwarder was closed (or the engine refused a connection, which the test then sees)
                }
            }
        }

        private static void pump(InputStream from, OutputStream to, Socket client, SocketChannel upstream) {
            Thread relay = new Thread(() -> {
                try (from; to) {
                    from.transferTo(to);
                } catch (IOException connectionEnded) {
                    // one side closed: both are closed below
                } finally {
                    try {
                        client.close();
                        upstream.close();
                    } catch (IOException alreadyClosed) {
                        // nothing left to release
                    }
                }
            }, "engine-forwarder-relay");
            relay.setDaemon(true);
            relay.start();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : List.copyOf(open)) {
                socket.close();
            }
        }
    }

    /**
     * Reads a socket channel without its blocking lock, so that a read waiting for the engine does not block writes
     * to it from the other relay thread (Java 17's channel streams share that lock).
     */
    private record ReadOnly(SocketChannel channel) implements java.nio.channels.ReadableByteChannel {
        @Override
        public int read(java.nio.ByteBuffer dst) throws IOException {
            return channel.read(dst);
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
