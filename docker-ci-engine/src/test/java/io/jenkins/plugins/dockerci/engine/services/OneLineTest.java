package io.jenkins.plugins.dockerci.engine.services;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OneLineTest {

    @Test
    void joinsLinesAndTrims() {
        assertThat(OneLine.of("Status 409: {\"message\":\"in use\"}\r\n")).isEqualTo("Status 409: {\"message\":\"in use\"}");
        assertThat(OneLine.of("a\n\n  b\rc")).isEqualTo("a b c");
        assertThat(OneLine.of(null)).isEqualTo("(no message)");
    }
}
