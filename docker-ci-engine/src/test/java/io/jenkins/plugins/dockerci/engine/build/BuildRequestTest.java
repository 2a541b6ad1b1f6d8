package io.jenkins.plugins.dockerci.engine.build;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.buildkit.BuildSecrets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BuildRequestTest {

    private final BuildRequest.Builder builder = BuildRequest.builder(Path.of("ctx"));

    @Test
    void tagsAreNormalisedWithLatestAndDeduplicated() {
        BuildRequest request = builder.tag("app").tag("app:latest").tag("127.0.0.1:5000/team/app:2").build();

        assertThat(request.tags()).containsExactly("app:latest", "127.0.0.1:5000/team/app:2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"App:1", "app:-bad", "app:" + "x", "", "a b"})
    void invalidTagsAreRejectedBeforeAnythingElse(String tag) {
        if (tag.equals("app:x")) {
            assertThat(builder.tag(tag).build().tags()).containsExactly("app:x");
            return;
        }
        assertThatThrownBy(() -> builder.tag(tag).build())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Invalid image reference");
    }

    @Test
    void digestCannotBeATag() {
        assertThatThrownBy(() -> builder.tag("app@sha256:" + "a".repeat(64)).build())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("a digest cannot be given to a build");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NOEQUALS", "=value", ""})
    void buildArgWithoutNameOrEqualsIsRejected(String assignment) {
        assertThatThrownBy(() -> builder.buildArg(assignment))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("write it as NAME=value");
    }

    @Test
    void buildArgNamesMustBeIdentifiers() {
        assertThatThrownBy(() -> builder.buildArg("MY VAR=1").build())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Invalid build-arg name 'MY VAR'");
    }

    @Test
    void buildArgValuesKeepEqualsSignsAndEmptiness() {
        BuildRequest request = builder.buildArg("A=b=c").buildArg("EMPTY=").build();

        assertThat(request.buildArgs()).containsExactly(entry("A", "b=c"), entry("EMPTY", ""));
    }

    @Test
    void buildArgValuesNeverAppearInToString() {
        assertThat(builder.buildArg("TOKEN=s3cret").build().toString()).contains("TOKEN").doesNotContain("s3cret");
    }

    @Test
    void ociLabelsAreAddedWhenSupplied() {
        BuildRequest request = builder.label("team", "ci").revision("abc").source("https://x/y.git")
                .created(Instant.parse("2026-01-02T03:04:05Z")).build();

        assertThat(request.imageLabels()).containsExactly(
                entry("team", "ci"),
                entry(BuildRequest.OCI_REVISION, "abc"),
                entry(BuildRequest.OCI_SOURCE, "https://x/y.git"),
                entry(BuildRequest.OCI_CREATED, "2026-01-02T03:04:05Z"));
        assertThat(BuildRequest.builder(Path.of("ctx")).build().imageLabels()).isEmpty();
    }

    @Test
    void invalidTargetTimeoutAndLabelAreRejected() {
        assertThatThrownBy(() -> builder.target("1st stage").build()).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Invalid target stage '1st stage'");
        assertThatThrownBy(() -> BuildRequest.builder(Path.of("c")).timeout(Duration.ZERO).build())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> BuildRequest.builder(Path.of("c")).label(" ", "x").build())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Invalid label key");
    }

    @Test
    void theBuilderIsAutoUnlessChosenAndParsedFromItsParameterValue() {
        assertThat(BuildRequest.builder(Path.of("c")).build().builder()).isEqualTo(BuilderChoice.AUTO);
        assertThat(BuilderChoice.parse(" BuildKit ")).isEqualTo(BuilderChoice.BUILDKIT);
        assertThat(BuilderChoice.parse("classic")).isEqualTo(BuilderChoice.CLASSIC);
        assertThat(BuilderChoice.parse(null)).isEqualTo(BuilderChoice.AUTO);
        assertThat(BuilderChoice.BUILDKIT.parameterValue()).isEqualTo("buildkit");
        assertThatThrownBy(() -> BuilderChoice.parse("buildx")).isInstanceOf(InvalidRequestException.class)
                .hasMessage("Invalid builder 'buildx': use auto (BuildKit when the engine offers it), buildkit or classic.");
    }

    @Test
    void secretsNeedBuildKitAndNeverShowTheirValues() {
        BuildSecrets secrets = BuildSecrets.builder().value("token", "t0k3n", "test").build();

        assertThatThrownBy(() -> BuildRequest.builder(Path.of("c")).secrets(secrets).builder(BuilderChoice.CLASSIC).build())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Build secrets [token] need BuildKit, but the builder is 'classic': use builder auto or buildkit,"
                        + " or remove the secrets.");
        assertThat(BuildRequest.builder(Path.of("c")).secrets(secrets).build().toString())
                .contains("secrets=BuildSecrets[token from test=****]").doesNotContain("t0k3n");
    }

    @Test
    void thePlatformIsOsAndArchitecture() {
        assertThat(BuildRequest.builder(Path.of("c")).platform("linux/arm/v7").build().platform()).isEqualTo("linux/arm/v7");
        assertThatThrownBy(() -> BuildRequest.builder(Path.of("c")).platform("arm64").build())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Invalid platform 'arm64'");
    }
}
