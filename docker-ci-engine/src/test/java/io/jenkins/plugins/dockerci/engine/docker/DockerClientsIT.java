package io.jenkins.plugins.dockerci.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import io.jenkins.plugins.dockerci.engine.testsupport.TestEnvironment;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DockerClientsIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    @Test
    void connectsToTheRealEngineAndReadsItsVersion() throws IOException {
        try (DockerClient client = DockerClients.connect(TestEnvironment.current().dockerEndpoint())) {
            Version version = client.versionCmd().exec();
            assertThat(version.getApiVersion()).matches("1\\.\\d+");
            assertThat(version.getVersion()).isNotBlank();
        }
    }

    @Test
    void unreachableEngineGivesAnErrorNamingTheHostAndWhatToCheck() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String host = "tcp://127.0.0.1:" + closedPort;
        DockerEndpoint endpoint = DockerEndpoint.fromEnvironment(Map.of("DOCKER_HOST", host))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));

        assertThatThrownBy(() -> DockerClients.connect(endpoint))
                .isInstanceOf(DockerUnavailableException.class)
                .hasMessageContaining("Cannot reach the Docker engine at " + host + " (from DOCKER_HOST)")
                .hasMessageContaining("Connect")
                .hasMessageContaining("Check that dockerd is running");
    }

    @Test
    void missingUnixSocketGivesTheSameClearError() {
        DockerEndpoint endpoint = DockerEndpoint.of("unix:///nonexistent/docker.sock");

        assertThatThrownBy(() -> DockerClients.connect(endpoint))
                .isInstanceOf(DockerUnavailableException.class)
                .hasMessageContaining("unix:///nonexistent/docker.sock (from configuration)");
    }
}
