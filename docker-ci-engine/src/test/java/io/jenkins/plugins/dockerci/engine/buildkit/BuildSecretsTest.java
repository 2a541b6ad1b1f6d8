package io.jenkins.plugins.dockerci.engine.buildkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildSecretsTest {

    @TempDir
    Path tmp;

    @Test
    void readsValuesAndFilesWhenTheBuildStarts() throws IOException {
        Path file = tmp.resolve("npmrc");
        BuildSecrets secrets = BuildSecrets.builder().value("token", "t0k3n", "environment variable TOKEN").file("npmrc", file).build();
        Files.writeString(file, "//registry/:_authToken=abc\n");

        BuildSecrets.Values values = secrets.read();

        assertThat(secrets.ids()).containsExactly("token", "npmrc");
        assertThat(new String(values.get("token"), StandardCharsets.UTF_8)).isEqualTo("t0k3n");
        assertThat(new String(values.get("npmrc"), StandardCharsets.UTF_8)).isEqualTo("//registry/:_authToken=abc\n");
        assertThat(values.get("other")).isNull();
        assertThat(values.texts()).containsExactlyInAnyOrder("t0k3n", "//registry/:_authToken=abc\n");
    }

    @Test
    void neverShowsAValue() {
        BuildSecrets secrets = BuildSecrets.builder().value("token", "t0k3n", "environment variable TOKEN").build();

        assertThat(secrets).hasToString("BuildSecrets[token from environment variable TOKEN=****]");
        assertThat(secrets.read().toString()).doesNotContain("t0k3n");
    }

    @Test
    void aMissingFileOrEmptyValueFailsNamingTheSecretAndItsOrigin() {
        BuildSecrets missing = BuildSecrets.builder().file("key", tmp.resolve("absent")).build();
        assertThatThrownBy(missing::read).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Build secret 'key' could not be read from file " + tmp.resolve("absent"));

        BuildSecrets empty = BuildSecrets.builder().value("token", "", "environment variable TOKEN").build();
        assertThatThrownBy(empty::read).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'token' from environment variable TOKEN is empty");
    }

    @Test
    void rejectsInvalidAndRepeatedIds() {
        assertThatThrownBy(() -> BuildSecrets.builder().value("a b", "x", "test")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Invalid build secret id 'a b'");
        assertThatThrownBy(() -> BuildSecrets.builder().value("a", "x", "test").value("a", "y", "test"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("given twice");
        assertThat(BuildSecrets.builder().build()).isSameAs(BuildSecrets.none());
    }
}
