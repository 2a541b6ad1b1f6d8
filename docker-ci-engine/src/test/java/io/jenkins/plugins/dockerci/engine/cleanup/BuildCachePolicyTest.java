package io.jenkins.plugins.dockerci.engine.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BuildCachePolicyTest {

    @Test
    void theDefaultKeepsABoundedCacheAndEveryCleanupPolicyHasIt() {
        assertThat(BuildCachePolicy.DEFAULT.keepsCache()).isTrue();
        assertThat(BuildCachePolicy.DEFAULT.describe()).isEqualTo("keep up to 10.0 GB, unused at most 7d");
        assertThat(CleanupPolicy.REMOVE_ALL.buildCache()).isEqualTo(BuildCachePolicy.DEFAULT);
        assertThat(CleanupPolicy.KEEP_PUSHED.withBuildCache(BuildCachePolicy.NONE))
                .isEqualTo(new CleanupPolicy(true, true, BuildCachePolicy.NONE));
    }

    @Test
    void parsesFormValues() {
        assertThat(BuildCachePolicy.parse("2d", "500MB", "cache")).isEqualTo(new BuildCachePolicy(Duration.ofDays(2), 500L << 20));
        assertThat(BuildCachePolicy.parse("0", "0", "cache")).isEqualTo(BuildCachePolicy.NONE);
        assertThat(BuildCachePolicy.NONE.keepsCache()).isFalse();
    }

    @Test
    void aZeroInOneBoundAloneIsAnError() {
        assertThatThrownBy(() -> BuildCachePolicy.parse("0", "10GB", "dockerCleanup.buildCache"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("both");
        assertThatThrownBy(() -> new BuildCachePolicy(Duration.ofDays(1), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BuildCachePolicy(Duration.ofDays(-1), 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
