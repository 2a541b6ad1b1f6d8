package io.jenkins.plugins.dockerci.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.docker.DockerEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerHostSpecTest {

    static final TlsMaterial TLS = new TlsMaterial(pem("CERTIFICATE", "ca"), pem("CERTIFICATE", "cert"),
            pem("PRIVATE KEY", "s3cret-key"));

    @Test
    void theNodeDefaultFollowsTheBuildEnvironmentOverTheAgentProcess() {
        DockerHostSpec spec = DockerHostSpec.nodeDefault(Map.of("DOCKER_HOST", "tcp://build:2375", "PATH", "/bin"));

        assertThat(spec.environment()).containsOnlyKeys("DOCKER_HOST");
        DockerEndpoint endpoint = spec.endpoint(Map.of("DOCKER_HOST", "tcp://agent:2375"), null);
        assertThat(endpoint.host()).isEqualTo("tcp://build:2375");
        assertThat(endpoint.source()).isEqualTo("DOCKER_HOST");
    }

    @Test
    void withoutAnyDockerVariableTheNodeUsesTheDefaultSocket() {
        assertThat(DockerHostSpec.nodeDefault(Map.of()).endpoint(Map.of(), null).host())
                .isEqualTo(DockerEndpoint.DEFAULT_HOST);
        assertThat(DockerHostSpec.nodeDefault(Map.of()).endpoint(Map.of("DOCKER_HOST", "unix:///run/d.sock"), null).host())
                .isEqualTo("unix:///run/d.sock");
    }

    @Test
    void anExplicitHostIgnoresTheEnvironment() {
        DockerEndpoint endpoint = DockerHostSpec.explicit("tcp://docker.example.com:2375", null)
                .endpoint(Map.of("DOCKER_HOST", "tcp://agent:2375"), null);

        assertThat(endpoint.host()).isEqualTo("tcp://docker.example.com:2375");
        assertThat(endpoint.tlsVerify()).isFalse();
    }

    @Test
    void anExplicitTlsHostUsesCertificatesThatLiveOnlyAsLongAsTheWork() throws IOException {
        DockerHostSpec spec = DockerHostSpec.explicit("tcp://docker.example.com:2376", TLS);
        Path certificates;
        try (NodeDockerHost host = NodeDockerHost.open(spec, Map.of())) {
            DockerEndpoint endpoint = host.endpoint();
            certificates = endpoint.certPath();

            assertThat(endpoint.tlsVerify()).isTrue();
            assertThat(certificates.resolve("key.pem")).hasContent(TLS.clientKey().strip());
        }
        assertThat(certificates).doesNotExist();
        assertThat(spec.secrets()).containsExactly(TLS.clientKey());
    }

    @Test
    void aNodeDefaultNeedsNoCertificateDirectory() throws IOException {
        try (NodeDockerHost host = NodeDockerHost.open(DockerHostSpec.nodeDefault(Map.of()), Map.of())) {
            assertThat(host.endpoint().host()).isEqualTo(DockerEndpoint.DEFAULT_HOST);
            assertThat(host.endpoint().certPath()).isNull();
        }
    }

    @Test
    void rejectsWhatTheEngineWouldReject() {
        assertThatThrownBy(() -> DockerHostSpec.explicit("docker.example.com:2375", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tcp://");
        assertThatThrownBy(() -> new DockerHostSpec(null, TLS, Map.of())).hasMessageContaining("explicit Docker host URI");
        assertThatThrownBy(() -> new TlsMaterial("", "x", "y")).hasMessageContaining("server CA certificate is empty");
        assertThatThrownBy(() -> new TlsMaterial(pem("CERTIFICATE", "a"), "not pem", pem("KEY", "k")))
                .hasMessageContaining("client certificate is not in PEM form");
    }

    @Test
    void neverShowsTheKey() {
        DockerHostSpec spec = new DockerHostSpec("tcp://h:2376", TLS, Map.of("DOCKER_HOST", "x"));

        assertThat(spec.toString()).doesNotContain("s3cret-key");
    }

    @Test
    void theTlsDirectoryIsPrivateAndGoneWhenClosed() throws IOException {
        Path path;
        try (TlsDirectory dir = TlsDirectory.write(TLS)) {
            path = dir.path();
            assertThat(Files.readString(path.resolve("ca.pem"))).isEqualTo(TLS.caCertificate());
            assertThat(Files.readString(path.resolve("cert.pem"))).isEqualTo(TLS.clientCertificate());
            assertThat(Files.readString(path.resolve("key.pem"))).isEqualTo(TLS.clientKey());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path.resolve("key.pem")))).isEqualTo("rw-------");
        }
        assertThat(path).doesNotExist();
    }

    static String pem(String type, String body) {
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
