package io.jenkins.plugins.dockerci.engine.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.DockerCiException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigCredentialsTest {

    private static final String PASSWORD = "s3cr:t-p\u00e4ssw\u00f6rd";

    private static Path fixture(String name) {
        try {
            return Path.of(DockerConfigCredentialsTest.class.getResource("DockerConfigCredentialsTest/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void splitsTheAuthFieldAtTheFirstColonOnlySoThePasswordKeepsItsColons() {
        DockerConfigCredentials config = DockerConfigCredentials.read(fixture("auths.json"));

        RegistryCredentials creds = config.forRegistry("127.0.0.1:5001").orElseThrow();
        assertThat(creds.username()).isEqualTo("ci-user");
        assertThat(creds.password()).isEqualTo(PASSWORD);
    }

    @Test
    void readsIdentityTokensAndNormalisesRegistryKeys() {
        DockerConfigCredentials config = DockerConfigCredentials.read(fixture("auths.json"));

        assertThat(config.forRegistry("registry.example.com").orElseThrow().identityToken()).isEqualTo("refresh-token-123");
        assertThat(config.forRegistry("docker.io").orElseThrow().username()).isEqualTo("hubuser");
        assertThat(config.forRegistry("https://index.docker.io/v1/")).isPresent();
        assertThat(config.forRegistry("127.0.0.1:5000")).isEmpty();
    }

    @Test
    void skipsEntriesKeptByACredentialHelper() {
        DockerConfigCredentials config = DockerConfigCredentials.read(fixture("auths.json"));

        assertThat(config.forRegistry("helper.example.com")).isEmpty();
        assertThat(config.all()).hasSize(3);
    }

    @Test
    void aMalformedEntryNamesTheFileAndRegistryButNoSecret() {
        assertThatThrownBy(() -> DockerConfigCredentials.read(fixture("bad-auth.json")))
                .isInstanceOf(DockerCiException.class)
                .hasMessageContaining("bad-auth.json")
                .hasMessageContaining("127.0.0.1:5001")
                .hasMessageContaining("not valid base64")
                .hasMessageNotContaining("@@@");
    }

    @Test
    void invalidJsonNamesTheFileWithoutQuotingIt() {
        assertThatThrownBy(() -> DockerConfigCredentials.read(fixture("not-json.json")))
                .isInstanceOf(DockerCiException.class)
                .hasMessageContaining("not-json.json")
                .hasMessageContaining("valid JSON")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void loadReadsConfigJsonInDockerConfigAndAMissingFileMeansNoCredentials(@TempDir Path dir) throws IOException {
        assertThat(DockerConfigCredentials.load(Map.of("DOCKER_CONFIG", dir.toString())).all()).isEmpty();

        Files.copy(fixture("auths.json"), dir.resolve("config.json"));

        assertThat(DockerConfigCredentials.load(Map.of("DOCKER_CONFIG", dir.toString())).all()).hasSize(3);
    }
}
