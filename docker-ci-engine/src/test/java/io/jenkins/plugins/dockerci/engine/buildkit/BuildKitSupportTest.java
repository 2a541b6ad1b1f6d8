package io.jenkins.plugins.dockerci.engine.buildkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildKitSupportTest {

    @Test
    void aLinuxEngineWithApi139OrNewerOffersBuildKit() {
        assertThat(BuildKitSupport.of(null, "1.41", "linux").offered()).isTrue();
        assertThat(BuildKitSupport.of(null, "1.39", "linux").offered()).isTrue();
        assertThat(BuildKitSupport.of("", "2.0", "Linux").offered()).isTrue();
        assertThat(BuildKitSupport.of(null, "1.41", "linux").reason()).isEqualTo("engine API 1.41 on linux");
    }

    @Test
    void theEnginesDeclaredDefaultBuilderWins() {
        assertThat(BuildKitSupport.of("2", "1.38", "linux").offered()).isTrue();
        assertThat(BuildKitSupport.of("1", "1.41", "linux").offered()).isFalse();
        assertThat(BuildKitSupport.of("1", "1.41", "linux").reason()).contains("Builder-Version: 1");
    }

    @Test
    void olderOrNonLinuxEnginesUseTheClassicBuilder() {
        assertThat(BuildKitSupport.of(null, "1.38", "linux").offered()).isFalse();
        assertThat(BuildKitSupport.of(null, "1.41", "windows").offered()).isFalse();
        assertThat(BuildKitSupport.of(null, "1.41", "windows").reason()).contains("windows");
        assertThat(BuildKitSupport.of(null, null, null).offered()).isFalse();
        assertThat(BuildKitSupport.of(null, "garbage", "linux").offered()).isFalse();
    }
}
