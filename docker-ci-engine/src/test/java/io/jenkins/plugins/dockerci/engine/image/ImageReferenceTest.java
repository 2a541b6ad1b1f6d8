package io.jenkins.plugins.dockerci.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ImageReferenceTest {

    private static final String SHA = "sha256:" + "a".repeat(64);

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", value = {
            "busybox,                          docker.io,        library/busybox, null,   busybox",
            "busybox:1.36,                     docker.io,        library/busybox, 1.36,   busybox",
            "team/app:v1,                      docker.io,        team/app,        v1,     team/app",
            "docker.io/library/busybox,        docker.io,        library/busybox, null,   busybox",
            "index.docker.io/team/app,         docker.io,        team/app,        null,   team/app",
            "127.0.0.1:5000/ci/app:42,         127.0.0.1:5000,   ci/app,          42,     127.0.0.1:5000/ci/app",
            "localhost/app,                    localhost,        app,             null,   localhost/app",
            "localhost:5001/a/b/c:x_y.z-1,     localhost:5001,   a/b/c,           x_y.z-1, localhost:5001/a/b/c",
            "registry.example.com/team/app,    registry.example.com, team/app,    null,   registry.example.com/team/app",
            "Registry.Example.com/app,         Registry.Example.com, app,         null,   Registry.Example.com/app",
            "[::1]:5000/app:1,                 [::1]:5000,       app,             1,      [::1]:5000/app",
            "my-registry:5000/my_app__x.y,     my-registry:5000, my_app__x.y,     null,   my-registry:5000/my_app__x.y",
            "a--b/c,                           docker.io,        a--b/c,          null,   a--b/c",
            "Team/app,                         Team,             app,             null,   Team/app",
    })
    void parsesAndNormalisesLikeDocker(String input, String domain, String path, String tag, String familiar) {
        ImageReference ref = ImageReference.parse(input);

        assertThat(ref.domain()).isEqualTo(domain);
        assertThat(ref.path()).isEqualTo(path);
        assertThat(ref.tag()).isEqualTo(tag);
        assertThat(ref.familiarName()).isEqualTo(familiar);
    }

    @Test
    void keepsDigestAndTagTogether() {
        ImageReference ref = ImageReference.parse("127.0.0.1:5000/ci/app:1@" + SHA);

        assertThat(ref.digest()).isEqualTo(SHA);
        assertThat(ref.tag()).isEqualTo("1");
        assertThat(ref).hasToString("127.0.0.1:5000/ci/app:1@" + SHA);
    }

    @Test
    void defaultsTheTagToLatestOnlyWhenAsked() {
        ImageReference ref = ImageReference.parse("app");

        assertThat(ref.tag()).isNull();
        assertThat(ref.tagOrLatest()).isEqualTo("latest");
        assertThat(ref.canonicalName()).isEqualTo("docker.io/library/app");
    }

    @Test
    void withTagReplacesTagAndDropsDigest() {
        ImageReference ref = ImageReference.parse("127.0.0.1:5000/ci/app:1@" + SHA).withTag("main");

        assertThat(ref).hasToString("127.0.0.1:5000/ci/app:main");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "team/App            | repository name 'team/App' must be lowercase",
            "Team/App            | repository name 'App' must be lowercase",
            "app:                | tag '' may contain only",
            "app:-x              | tag '-x' may contain only",
            "app:.x              | tag '.x' may contain only",
            "app:a/b             | registry 'app:a' has port 'a', which is not a number",
            "_app                | repository path component '_app'",
            "app_                | repository path component 'app_'",
            "a//b                | repository path component ''",
            "host:port/app       | registry 'host:port' has port 'port', which is not a number",
            "-bad.example/app    | registry host '-bad.example' is not a valid host name",
            "app@sha256:abc      | must be algorithm:hex with at least 32 hex digits",
            "app@md5             | must be algorithm:hex",
            "'app '              | leading or trailing white space",
            "''                  | it is empty",
    })
    void rejectsInvalidReferencesNamingThePartAndTheRule(String input, String expected) {
        assertThatThrownBy(() -> ImageReference.parse(input))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("Invalid image reference '" + input + "'")
                .hasMessageContaining(expected);
    }

    @Test
    void rejectsATagLongerThan128Characters() {
        String tag = "t".repeat(129);

        assertThatThrownBy(() -> ImageReference.parse("app:" + tag))
                .hasMessageContaining("is 129 characters long; at most 128 are allowed");
        assertThat(ImageReference.parse("app:" + "t".repeat(128)).tag()).hasSize(128);
    }

    @Test
    void rejectsAnUppercaseSha256Digest() {
        assertThatThrownBy(() -> ImageReference.parse("app@sha256:" + "A".repeat(64)))
                .hasMessageContaining("exactly 64 lowercase hex digits");
    }

    @Test
    void rejectsANameLongerThan255Characters() {
        assertThatThrownBy(() -> ImageReference.parse("a".repeat(256)))
                .hasMessageContaining("the name is 256 characters long; at most 255");
    }

    @Test
    void validatesBareTags() {
        assertThat(ImageReference.isValidTag("1.0_rc-1")).isTrue();
        assertThat(ImageReference.isValidTag("-1")).isFalse();
        assertThat(ImageReference.isValidTag(null)).isFalse();
    }
}
