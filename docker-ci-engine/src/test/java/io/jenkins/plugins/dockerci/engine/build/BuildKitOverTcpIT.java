package io.jenkins.plugins.dockerci.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.buildkit.BuildSecrets;
import io.jenkins.plugins.dockerci.engine.docker.DockerClients;
import io.jenkins.plugins.dockerci.engine.docker.DockerEndpoint;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
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
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * BuildKit builds reach an engine on a {@code tcp://} host, plain and with TLS client certificates: the build goes
 * through docker-java's transport, the session through a connection of its own with the same certificates. The
 * engine here listens on its Unix socket only, so a forwarder on 127.0.0.1 stands in for its TCP (and TLS) port.
 */
class BuildKitOverTcpIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    @TempDir
    Path dir;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @Test
    void buildsWithASecretOverPlainTcp() throws Exception {
        try (Forwarder forwarder = new Forwarder(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()))) {
            build(DockerEndpoint.of("tcp://127.0.0.1:" + forwarder.port()));
        }
    }

    @Test
    void buildsWithASecretOverTlsWithClientCertificates() throws Exception {
        Path certs = Files.createDirectories(dir.resolve("certs"));
        certificates(certs);
        try (Forwarder forwarder = new Forwarder(tlsServerSocket(certs))) {
            build(DockerEndpoint.of("tcp://127.0.0.1:" + forwarder.port()).withTls(certs));
            assertThat(forwarder.handshakes()).as("TLS connections (engine calls and the session)").isGreaterThanOrEqualTo(2);
        }
    }

    private void build(DockerEndpoint endpoint) throws IOException {
        String secret = "over-tcp-" + UUID.randomUUID();
        Path context = Files.createDirectories(dir.resolve("context"));
        Files.writeString(context.resolve("Dockerfile"), "FROM " + TestImages.BUSYBOX + "\n"
                + "RUN --mount=type=secret,id=token test \"$(wc -c < /run/secrets/token)\" -eq " + secret.length()
                + " && echo secret-seen-" + UUID.randomUUID() + "\n", StandardCharsets.UTF_8);
        try (DockerClient docker = DockerClients.connect(endpoint)) {
            EngineContext ctx = new EngineContext(docker, DOCKER.newRun(), ResourceTracker.NONE);
            BuiltImage image = new ImageBuilder(ctx, RegistryLogins.none()).build(BuildRequest.builder(context)
                    .secrets(BuildSecrets.builder().value("token", secret, "test").build()).build(), (kind, text) -> log.add(text));
            try {
                assertThat(image.builder()).isEqualTo(BuilderChoice.BUILDKIT);
                assertThat(log).anyMatch(line -> line.matches("#\\d+ \\d+\\.\\d+ secret-seen-.*"));
            } finally {
                docker.removeImageCmd(image.imageId()).withForce(true).exec();
            }
        }
    }

    /** A CA, a server certificate for 127.0.0.1 and a client certificate, made with openssl as a Docker admin would. */
    private static void certificates(Path certs) throws IOException, InterruptedException {
        String script = String.join("\n",
                "set -e",
                "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -keyout ca-key.pem -out ca.pem -subj '/CN=docker-ci test CA'",
                "openssl req -newkey rsa:2048 -nodes -keyout server-key.pem -out server.csr -subj '/CN=127.0.0.1'",
                "printf 'subjectAltName=IP:127.0.0.1\\nextendedKeyUsage=serverAuth\\n' > server.ext",
                "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 1 -out server-cert.pem"
                        + " -extfile server.ext",
                "openssl req -newkey rsa:2048 -nodes -keyout key.pem -out client.csr -subj '/CN=docker-ci client'",
                "printf 'extendedKeyUsage=clientAuth\\n' > client.ext",
                "openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 1 -out cert.pem"
                        + " -extfile client.ext",
                "openssl pkcs12 -export -in server-cert.pem -inkey server-key.pem -out server.p12 -passout pass:test");
        Process openssl = new ProcessBuilder("sh", "-c", script).directory(certs.toFile()).redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0).as("openssl: %s", output).isTrue();
    }

    /** A TLS server socket that presents the server certificate and requires a client certificate of the CA. */
    private static ServerSocket tlsServerSocket(Path certs) throws Exception {
        KeyStore identity = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(certs.resolve("server.p12"))) {
            identity.load(in, "test".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(identity, "test".toCharArray());
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(certs.resolve("ca.pem"))) {
            trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        SSLServerSocket server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress());
        server.setNeedClientAuth(true);
        return server;
    }

    /** Accepts connections on 127.0.0.1 and relays each to the engine's Unix socket, byte for byte, both ways. */
    private static final class Forwarder implements AutoCloseable {
        private final ServerSocket server;
        private final Thread acceptor;
        private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());
        private volatile int handshakes;

        Forwarder(ServerSocket server) {
            this.server = server;
            this.acceptor = new Thread(this::accept, "engine-forwarder");
            this.acceptor.setDaemon(true);
            this.acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int handshakes() {
            return handshakes;
        }

        private void accept() {
            Path engine = Path.of(URI.create(DOCKER.endpoint().host()).getPath());
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    open.add(client);
                    if (client instanceof javax.net.ssl.SSLSocket tls) {
                        tls.startHandshake();
                        handshakes++;
                    }
                    SocketChannel upstream = SocketChannel.open(StandardProtocolFamily.UNIX);
                    upstream.connect(UnixDomainSocketAddress.of(engine));
                    pump(client.getInputStream(), Channels.newOutputStream(upstream), client, upstream);
                    pump(Channels.newInputStream(new ReadOnly(upstream)), client.getOutputStream(), client, upstream);
                } catch (IOException closedOrRefused) {
                    // the forwarder was closed, or a client failed its handshake: the test sees the consequence
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
