package io.jenkins.plugins.dockerci.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void parsesTheShortFormsPeopleWrite() {
        assertThat(DurationText.parse("90s", "t")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationText.parse("5m", "t")).isEqualTo(Duration.ofMinutes(5));
        assertThat(DurationText.parse("1h30m", "t")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationText.parse("500ms", "t")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationText.parse(" 2D ", "t")).isEqualTo(Duration.ofDays(2));
        assertThat(DurationText.parse("30", "t")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationText.parse("PT2M", "t")).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void rejectsAnythingElseNamingTheSetting() {
        assertThatThrownBy(() -> DurationText.parse("five minutes", "dockerTest.timeout"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("dockerTest.timeout: 'five minutes' is not a duration; write e.g. 90s, 5m, 1h30m, 500ms or a number of seconds");
        assertThatThrownBy(() -> DurationText.parse("-5s", "t")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> DurationText.parse("PT-5S", "t")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> DurationText.parse("", "t")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void formatsForPeople() {
        assertThat(DurationText.format(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(DurationText.format(Duration.ofMillis(1234))).isEqualTo("1.2s");
        assertThat(DurationText.format(Duration.ofSeconds(185))).isEqualTo("3m05s");
        assertThat(DurationText.format(Duration.ofMinutes(125))).isEqualTo("2h05m");
        assertThat(DurationText.format(Duration.ofDays(7))).isEqualTo("7d");
        assertThat(DurationText.format(Duration.ofHours(51))).isEqualTo("2d03h");
    }
}
