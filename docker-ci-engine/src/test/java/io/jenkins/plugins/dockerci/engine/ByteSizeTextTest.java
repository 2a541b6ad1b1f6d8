package io.jenkins.plugins.dockerci.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizeTextTest {

    @Test
    void parsesWhatPeopleWrite() {
        assertThat(ByteSizeText.parse("10GB", "s")).isEqualTo(10L << 30);
        assertThat(ByteSizeText.parse(" 500 mb ", "s")).isEqualTo(500L << 20);
        assertThat(ByteSizeText.parse("1.5g", "s")).isEqualTo(3L << 29);
        assertThat(ByteSizeText.parse("2KiB", "s")).isEqualTo(2048);
        assertThat(ByteSizeText.parse("0", "s")).isZero();
        assertThat(ByteSizeText.parse("1234", "s")).isEqualTo(1234);
    }

    @Test
    void rejectsWhatIsNoSizeNamingTheSetting() {
        assertThatThrownBy(() -> ByteSizeText.parse("ten gigs", "dockerCleanup.buildCache.maxSize"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("dockerCleanup.buildCache.maxSize").hasMessageContaining("10GB");
        assertThatThrownBy(() -> ByteSizeText.parse("-1", "s")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void formatsShort() {
        assertThat(ByteSizeText.format(0)).isEqualTo("0 B");
        assertThat(ByteSizeText.format(2048)).isEqualTo("2.0 KB");
        assertThat(ByteSizeText.format(10L << 30)).isEqualTo("10.0 GB");
        assertThat(ByteSizeText.format(300L << 20)).isEqualTo("300 MB");
    }
}
