package io.jenkins.plugins.dockerci.engine.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.docker.DockerEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestEnvironmentTest {

    @TempDir
    Path state;

    @Test
    void theTlsEndpointComesFromTheFactsWithItsCertificateFolder() throws IOException {
        Path certs = certificateFolder(state.resolve("elsewhere"));
        Path facts = facts("docker.tls.host=tcp://127.0.0.1:12376\ndocker.tls.certPath=" + certs + "\n");

        TestEnvironment env = TestEnvironment.load(Map.of("DOCKER_CI_ENV_FILE", facts.toString()));
        DockerEndpoint endpoint = env.tlsDockerEndpoint();

        assertThat(endpoint.host()).isEqualTo("tcp://127.0.0.1:12376");
        assertThat(endpoint.tlsVerify()).isTrue();
        assertThat(endpoint.certPath()).isEqualTo(certs);
        assertThat(env.tlsCaCertificatePem()).isEqualTo("ca.pem PEM\n");
        assertThat(env.tlsClientCertificatePem()).isEqualTo("cert.pem PEM\n");
        assertThat(env.tlsClientKeyPem()).isEqualTo("key.pem PEM\n");
    }

    @Test
    void withoutTlsFactsTheScriptsDefaultsBesideTheFactsFileAreUsed() throws IOException {
        Path certs = certificateFolder(state.resolve("tls").resolve("client"));
        Path facts = facts("docker.host=unix:///var/run/docker.sock\n");

        TestEnvironment env = TestEnvironment.load(Map.of("DOCKER_CI_ENV_FILE", facts.toString()));

        assertThat(env.tlsDockerHost()).isEqualTo("tcp://127.0.0.1:2376");
        assertThat(env.tlsCertPath()).isEqualTo(certs);
    }

    @Test
    void missingCertificatesSayWhatToRun() throws IOException {
        Path facts = facts("docker.tls.certPath=" + state.resolve("nothing-here") + "\n");

        TestEnvironment env = TestEnvironment.load(Map.of("DOCKER_CI_ENV_FILE", facts.toString()));

        assertThatThrownBy(env::tlsDockerEndpoint)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ca.pem is missing in " + state.resolve("nothing-here"))
                .hasMessageContaining("run scripts/docker-env up");
    }

    private Path facts(String text) throws IOException {
        return Files.writeString(state.resolve("test-env.properties"), text);
    }

    private static Path certificateFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (String name : DockerEndpoint.CERTIFICATE_FILES) {
            Files.writeString(folder.resolve(name), name + " PEM\n");
        }
        return folder;
    }
}
