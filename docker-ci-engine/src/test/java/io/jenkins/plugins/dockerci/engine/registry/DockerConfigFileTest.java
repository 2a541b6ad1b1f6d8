package io.jenkins.plugins.dockerci.engine.registry;

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

class DockerConfigFileTest {

    private static final String PASSWORD = "s3cr:t-p\u00e4ssw\u00f6rd";

    static Path fixture(String name) {
        try {
            return Path.of(DockerConfigFileTest.class.getResource("DockerConfigFileTest/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void splitsTheAuthFieldAtTheFirstColonOnlySoThePasswordKeepsItsColons() {
        DockerConfigFile config = DockerConfigFile.read(fixture("auths.json"));

        RegistryCredentials creds = config.authFor("127.0.0.1:5001").orElseThrow();
        assertThat(creds.username()).isEqualTo("ci-user");
        assertThat(creds.password()).isEqualTo(PASSWORD);
    }

    @Test
    void readsIdentityTokensAndNormalisesRegistryKeysIncludingDockerHubAliases() {
        DockerConfigFile config = DockerConfigFile.read(fixture("auths.json"));

        assertThat(config.authFor("registry.example.com").orElseThrow().identityToken()).isEqualTo("refresh-token-123");
        assertThat(config.authFor("docker.io").orElseThrow().username()).isEqualTo("hubuser");
        assertThat(config.authFor("https://index.docker.io/v1/")).isPresent();
        assertThat(config.authFor("registry-1.docker.io")).isPresent();
        assertThat(config.authFor("index.docker.io")).isPresent();
        assertThat(config.authFor("127.0.0.1:5000")).isEmpty();
    }

    @Test
    void entriesWithoutASecretAreLeftToTheHelpersWhichAreReadPerRegistry() {
        DockerConfigFile config = DockerConfigFile.read(fixture("auths.json"));

        assertThat(config.authFor("helper.example.com")).isEmpty();
        assertThat(config.auths()).hasSize(3);
        assertThat(config.credsStore()).contains("desktop");
        assertThat(config.credHelpers()).containsEntry("helper.example.com", "ecr-login");
        assertThat(config.helperFor("https://helper.example.com")).contains("ecr-login");
        assertThat(config.helperFor("127.0.0.1:5000")).contains("desktop");
    }

    @Test
    void withoutCredsStoreOnlyTheRegistriesOfCredHelpersHaveAHelper(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("config.json"), "{\"credHelpers\":{\"127.0.0.1:5001\":\"ci\"}}");

        DockerConfigFile config = DockerConfigFile.read(file);

        assertThat(config.helperFor("127.0.0.1:5001")).contains("ci");
        assertThat(config.helperFor("127.0.0.1:5000")).isEmpty();
        assertThat(config.toString()).contains("ci").doesNotContain("auth\"");
    }

    @Test
    void aMalformedEntryNamesTheFileAndRegistryButNoSecret() {
        assertThatThrownBy(() -> DockerConfigFile.read(fixture("bad-auth.json")))
                .isInstanceOf(DockerCiException.class)
                .hasMessageContaining("bad-auth.json")
                .hasMessageContaining("127.0.0.1:5001")
                .hasMessageContaining("not valid base64")
                .hasMessageNotContaining("@@@");
    }

    @Test
    void invalidJsonNamesTheFileWithoutQuotingIt() {
        assertThatThrownBy(() -> DockerConfigFile.read(fixture("not-json.json")))
                .isInstanceOf(DockerCiException.class)
                .hasMessageContaining("not-json.json")
                .hasMessageContaining("valid JSON")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void loadReadsConfigJsonInDockerConfigAndAMissingFileMeansNoCredentials(@TempDir Path dir) throws IOException {
        DockerConfigFile none = DockerConfigFile.load(Map.of("DOCKER_CONFIG", dir.toString()));
        assertThat(none.auths()).isEmpty();
        assertThat(none.credsStore()).isEmpty();
        assertThat(none.file()).isEqualTo(dir.resolve("config.json"));

        Files.copy(fixture("auths.json"), dir.resolve("config.json"));

        assertThat(DockerConfigFile.load(Map.of("DOCKER_CONFIG", dir.toString())).auths()).hasSize(3);
    }
}
