package io.jenkins.plugins.dockerci.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoPathsTest {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(value = {
            "'', .", "., .", "a/, a", "a//b, a/b", "./a, a", "a/./b, a/b", "a/../b, b", "../a, ../a", "a/../.., ..",
            "/.., /", "/a/../.., /", "//a, /a", "/, /", "!a/../b, b", "a/b/.., a"})
    void cleansLikeGo(String path, String cleaned) {
        assertThat(GoPaths.clean(path)).isEqualTo(cleaned);
    }
}
