package io.jenkins.plugins.dockerci.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerEndpointTest {

    @Test
    void defaultsToTheLocalSocketWhenDockerHostIsUnset() {
        DockerEndpoint endpoint = DockerEndpoint.fromEnvironment(Map.of());

        assertThat(endpoint.host()).isEqualTo("unix:///var/run/docker.sock");
        assertThat(endpoint.tlsVerify()).isFalse();
        assertThat(endpoint.source()).isEqualTo("default");
        assertThat(endpoint.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void readsDockerHostTlsVerifyAndCertPathLikeTheCli(@TempDir Path certs) throws IOException {
        writeCertificateFiles(certs, DockerEndpoint.CERTIFICATE_FILES);
        DockerEndpoint endpoint = DockerEndpoint.fromEnvironment(Map.of(
                "DOCKER_HOST", "tcp://docker.example.test:2376",
                "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", certs.toString()));

        assertThat(endpoint.host()).isEqualTo("tcp://docker.example.test:2376");
        assertThat(endpoint.tlsVerify()).isTrue();
        assertThat(endpoint.certPath()).isEqualTo(certs);
        assertThat(endpoint.describe()).isEqualTo("tcp://docker.example.test:2376 (from DOCKER_HOST, TLS)");
    }

    @Test
    void tlsVerifyZeroMeansOff() {
        DockerEndpoint endpoint = DockerEndpoint.fromEnvironment(Map.of("DOCKER_HOST", "tcp://h:2375", "DOCKER_TLS_VERIFY", "0"));

        assertThat(endpoint.tlsVerify()).isFalse();
    }

    @Test
    void tlsWithoutCertificatesIsAClearError() {
        assertThatThrownBy(() -> DockerEndpoint.fromEnvironment(Map.of(
                "DOCKER_HOST", "tcp://h:2376", "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", "/nonexistent/certs")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'/nonexistent/certs' does not exist")
                .hasMessageContaining("ca.pem, cert.pem and key.pem");
    }

    @Test
    void tlsWithAFolderMissingTheClientCertificateNamesTheMissingFile(@TempDir Path certs) throws IOException {
        writeCertificateFiles(certs, List.of("ca.pem", "key.pem"));

        assertThatThrownBy(() -> DockerEndpoint.of("tcp://h:2376").withTls(certs))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tcp://h:2376 (from configuration)")
                .hasMessageContaining("'" + certs + "' has no cert.pem")
                .hasMessageContaining("ca.pem, cert.pem and key.pem");
    }

    @Test
    void rejectsAHostWithoutAScheme() {
        assertThatThrownBy(() -> DockerEndpoint.of("docker.example.test:2375"))
                .hasMessageContaining("must start with unix://, tcp:// or npipe://");
    }

    private static void writeCertificateFiles(Path folder, List<String> names) throws IOException {
        for (String name : names) {
            Files.writeString(folder.resolve(name), "-----BEGIN PLACEHOLDER-----\n");
        }
    }
}
