package io.jenkins.plugins.dockerci.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.image.ImageReference;
import org.junit.jupiter.api.Test;

class BuildAttributionTest {

    private static final String ID = "sha256:" + "0123456789abcdef".repeat(4);

    @Test
    void runAndCacheTagsAreValidReferencesThatNameTheOwner() {
        RunContext run = new RunContext("cli-ann-1f2e", "Run_7.b-2");
        String runTag = BuildAttribution.runTag(run);
        String cacheTag = BuildAttribution.cacheTag(run.ownerId(), ID);

        assertThat(runTag).isEqualTo("docker-ci-run/cli-ann-1f2e:Run_7.b-2");
        assertThat(cacheTag).isEqualTo("docker-ci-cache/cli-ann-1f2e:" + ID.substring(7));
        assertThat(ImageReference.parse(runTag).tag()).isEqualTo("Run_7.b-2");
        assertThat(ImageReference.parse(cacheTag).path()).isEqualTo("docker-ci-cache/cli-ann-1f2e");
        assertThat(BuildAttribution.runIdOf(run.ownerId(), runTag)).contains("Run_7.b-2");
        assertThat(BuildAttribution.runIdOf("someone-else", runTag)).isEmpty();
        assertThat(BuildAttribution.isCacheTag(run.ownerId(), cacheTag)).isTrue();
        assertThat(BuildAttribution.isCacheTag(run.ownerId(), runTag)).isFalse();
        assertThat(BuildAttribution.isAttributionTag(cacheTag)).isTrue();
        assertThat(BuildAttribution.isAttributionTag("app:1")).isFalse();
    }

    @Test
    void anOwnerIdThatIsNoRepositoryComponentIsHashedAndStillDistinct() {
        String upper = BuildAttribution.runRepository("Jenkins..Main");
        String lower = BuildAttribution.runRepository("jenkins..main");

        assertThat(upper).matches("docker-ci-run/h[0-9a-f]{20}");
        assertThat(upper).isNotEqualTo(lower);
        assertThat(ImageReference.parse(upper + ":r1").path()).isEqualTo(upper);
    }

    @Test
    void aCacheTagNeedsTheFullImageId() {
        assertThatThrownBy(() -> BuildAttribution.cacheTag("o", "sha256:0123"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("full image id");
    }
}
