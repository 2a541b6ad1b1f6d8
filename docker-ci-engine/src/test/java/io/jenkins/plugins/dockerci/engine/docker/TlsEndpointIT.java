package io.jenkins.plugins.dockerci.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.dockerci.engine.BuildAttribution;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.ManagedLabels;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.build.BuildRequest;
import io.jenkins.plugins.dockerci.engine.build.BuiltImage;
import io.jenkins.plugins.dockerci.engine.build.ImageBuilder;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import io.jenkins.plugins.dockerci.engine.services.ContainerCommand;
import io.jenkins.plugins.dockerci.engine.services.ServiceSpec;
import io.jenkins.plugins.dockerci.engine.services.wait.Wait;
import io.jenkins.plugins.dockerci.engine.testrun.TestOutcome;
import io.jenkins.plugins.dockerci.engine.testrun.TestRequest;
import io.jenkins.plugins.dockerci.engine.testrun.TestRunner;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import io.jenkins.plugins.dockerci.engine.testsupport.TestEnvironment;
import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine against a Docker host that speaks TLS and verifies clients ({@code scripts/docker-env up} serves the
 * test engine on {@code tcp://127.0.0.1:2376} with its own CA): the same calls as over the socket, including the
 * upgraded attach stream and the streamed build, and a clear error for a client the host refuses.
 */
class TlsEndpointIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    private static final TestEnvironment ENV = TestEnvironment.current();
    private static DockerClient tls;

    @TempDir
    Path tmp;

    private final RunContext run = DOCKER.newRun();

    @BeforeAll
    static void connectOverTls() {
        tls = DockerClients.connect(ENV.tlsDockerEndpoint());
    }

    @AfterAll
    static void closeTlsClient() throws IOException {
        if (tls != null) {
            tls.close();
        }
    }

    @Test
    void theSameEngineAnswersOverTlsWithTheClientCertificate() {
        assertThat(ENV.tlsDockerEndpoint().describe()).isEqualTo(ENV.tlsDockerHost() + " (from configuration, TLS)");
        assertThat(tls.infoCmd().exec().getId()).isNotBlank().isEqualTo(DOCKER.client().infoCmd().exec().getId());
        assertThat(tls.versionCmd().exec().getApiVersion()).isEqualTo(DOCKER.client().versionCmd().exec().getApiVersion());
    }

    @Test
    void aTestWithAServiceRunsAndItsOutputStreamsBackOverTls() {
        // log readiness follows the service's log stream; the test's output comes over the upgraded attach stream
        ServiceSpec web = ServiceSpec.builder("web", TestImages.BUSYBOX).expose(8080)
                .command(ContainerCommand.shell("echo web-listening; exec nc -ll -p 8080 -e echo hello-over-tls"))
                .waitingFor(Wait.forLogMessage("web-listening")).build();
        List<String> out = new CopyOnWriteArrayList<>();
        List<String> err = new CopyOnWriteArrayList<>();
        LogSink sink = (kind, text) -> (kind == LogSink.Kind.STDERR ? err : out).add(text);

        TestOutcome outcome = new TestRunner(new EngineContext(tls, run, ResourceTracker.NONE)).run(
                TestRequest.builder(TestImages.BUSYBOX).service(web)
                        .command(ContainerCommand.shell("nc web 8080; sleep 1; echo done-late; echo to-stderr >&2")).build(),
                sink);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.cleanupProblems()).isEmpty();
        assertThat(out).contains("hello-over-tls", "done-late");
        assertThat(err).containsExactly("to-stderr");
        assertThat(DOCKER.client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ManagedLabels.RUN, run.runId())).exec()).isEmpty();
    }

    @Test
    void imageBuilderBuildsOverTls() throws IOException {
        Files.writeString(tmp.resolve("Dockerfile"), "FROM " + TestImages.BUSYBOX + "\nCOPY hello.txt /hello.txt\n"
                + "RUN cat /hello.txt\n");
        Files.writeString(tmp.resolve("hello.txt"), "built-over-tls " + run.runId() + "\n");
        String tag = DOCKER.uniqueName("tls") + ":1";
        List<String> log = new CopyOnWriteArrayList<>();

        BuiltImage image = new ImageBuilder(new EngineContext(tls, run, ResourceTracker.NONE))
                .build(BuildRequest.builder(tmp).tag(tag).build(), (kind, text) -> log.add(text));
        try {
            // BuildKit (auto, here) prefixes a step's output with its number and time: "#6 0.413 built-over-tls …"
            assertThat(log).anyMatch(line -> line.endsWith(" built-over-tls " + run.runId()));
            // tied to the run by its run tag (see BuildAttribution), not by labels
            assertThat(DOCKER.client().inspectImageCmd(tag).exec().getRepoTags()).containsExactlyInAnyOrder(tag,
                    BuildAttribution.runTag(run));
        } finally {
            DOCKER.client().removeImageCmd(image.imageId()).withForce(true).exec();
        }
    }

    @Test
    void aClientCertificateTheTestCaDidNotSignGetsTheEnginesCannotReachError() throws Exception {
        Path untrusted = untrustedCertificateFolder();
        DockerEndpoint endpoint = DockerEndpoint.of(ENV.tlsDockerHost()).withTls(untrusted)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));

        assertThatThrownBy(() -> DockerClients.connect(endpoint))
                .isInstanceOf(DockerUnavailableException.class)
                .hasMessageStartingWith("Cannot reach the Docker engine at " + ENV.tlsDockerHost() + " (from configuration, TLS): ")
                .hasMessageContaining("Check that dockerd is running")
                .hasMessageNotContaining("PRIVATE KEY");
    }

    @Test
    void theHostRefusesATlsClientWithoutACertificateAndAcceptsTheSameClientWithOne() throws Exception {
        URI ping = URI.create(ENV.tlsDockerHost().replace("tcp://", "https://") + "/_ping");

        assertThatThrownBy(() -> get(ping, sslContext(false))).isInstanceOf(IOException.class);
        assertThat(get(ping, sslContext(true))).isEqualTo("OK");
    }

    private static String get(URI uri, SSLContext ssl) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Trusts the test CA; presents the test client certificate only when asked to. */
    private static SSLContext sslContext(boolean withClientCertificate) throws GeneralSecurityException, IOException {
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", x509.generateCertificate(pemBytes(ENV.tlsCaCertificatePem())));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = null;
        if (withClientCertificate) {
            char[] password = "unused".toCharArray();
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            Key key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(ENV.tlsClientKeyPem())));
            keys.setKeyEntry("client", key, password,
                    new Certificate[] {x509.generateCertificate(pemBytes(ENV.tlsClientCertificatePem()))});
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    private static ByteArrayInputStream pemBytes(String pem) {
        return new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    /** The test CA and a self-signed client certificate with its key: well-formed, but not signed by that CA. */
    private Path untrustedCertificateFolder() throws Exception {
        Path store = tmp.resolve("untrusted.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "untrusted", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=untrusted-client",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(keytool.exitValue()).as("keytool: %s", output).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        Path folder = Files.createDirectory(tmp.resolve("untrusted"));
        Files.writeString(folder.resolve("ca.pem"), ENV.tlsCaCertificatePem());
        Files.writeString(folder.resolve("cert.pem"), pem("CERTIFICATE", keys.getCertificate("untrusted").getEncoded()));
        Files.writeString(folder.resolve("key.pem"),
                pem("PRIVATE KEY", keys.getKey("untrusted", "changeit".toCharArray()).getEncoded()));
        return folder;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
