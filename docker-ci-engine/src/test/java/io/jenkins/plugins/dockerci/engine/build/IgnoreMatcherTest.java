package io.jenkins.plugins.dockerci.engine.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The matcher alone, on the pattern semantics of the docker CLI's pattern matcher (Go filepath.Match syntax). */
class IgnoreMatcherTest {

    @ParameterizedTest(name = "''{0}'' vs ''{1}'' -> {2}")
    @CsvSource(delimiter = ';', value = {
            "** ; file ; true",
            "**/ ; file ; true",
            "**/** ; dir/file ; true",
            "dir/** ; dir/file ; true",
            "dir/** ; dir/dir2/file ; true",
            "dir/** ; dir ; false",
            "**/file ; file ; true",
            "**/file ; dir/file ; true",
            "**/file ; dir/dir/file ; true",
            "**/file* ; dir/file1 ; true",
            "**/file*.txt ; dir/file1.txt ; true",
            "**/**/*.txt ; dir/file.txt ; true",
            "**/**/*.txt2 ; dir/file.txt ; false",
            "**/*.txt ; file.txt ; true",
            "**/**/*.txt ; file.txt ; true",
            "a**/*.txt ; a/file.txt ; true",
            "a**/*.txt ; a/dir/file.txt ; true",
            "a**/*.txt ; a/dir/dir/file.txt ; true",
            "a/*.txt ; a/dir/file.txt ; false",
            "a/*.txt ; a/file.txt ; true",
            "a/*.txt** ; a/file.txt ; true",
            "a[b-d]e ; ae ; false",
            "a[b-d]e ; ace ; true",
            "a[b-d]e ; aae ; false",
            "a[^b-d]e ; aze ; true",
            ".* ; .foo ; true",
            ".* ; foo ; false",
            "abc.def ; abcdef ; false",
            "abc.def ; abc.def ; true",
            "abc.def ; abcZdef ; false",
            "abc?def ; abcZdef ; true",
            "abc?def ; abcdef ; false",
            "abc?def ; abc/def ; false",
            "*.txt ; dir/a.txt ; false",
            "*/*.txt ; dir/a.txt ; true",
            "**/foo/bar ; foo/bar ; true",
            "**/foo/bar ; dir/foo/bar ; true",
            "**/foo/bar ; dir/dir2/foo/bar ; true",
            "**/.foo ; .foo ; true",
            "**/.foo ; bar.foo ; false",
            "**.md ; dir/readme.md ; true",
            "a(b)c/def ; a(b)c/def ; true",
            "a(b)c/def ; a(b)c/xyz ; false",
            "a.|)$(}+{bc ; a.|)$(}+{bc ; true",
            "dist/*.whl ; dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl ; true",
            "file\\[1\\].txt ; file[1].txt ; true",
            "star\\*.txt ; star*.txt ; true",
            "star\\*.txt ; starX.txt ; false",
            "dir ; dir/sub/file ; true",
            "dir/sub ; dir/sub/deep/file ; true",
            "dir/../a.txt ; a.txt ; true",
    })
    void matchesLikeTheDockerCli(String pattern, String path, boolean excluded) {
        assertThat(IgnoreMatcher.of(List.of(pattern)).excludes(path)).isEqualTo(excluded);
    }

    @Test
    void laterExceptionReIncludesAndLastMatchWins() {
        IgnoreMatcher matcher = IgnoreMatcher.of(List.of("docs", "!docs/README.md", "docs/README.md.bak"));

        assertThat(matcher.excludes("docs/other.md")).isTrue();
        assertThat(matcher.excludes("docs/README.md")).isFalse();
        assertThat(IgnoreMatcher.of(List.of("docs", "!docs/README.md", "docs/*.md")).excludes("docs/README.md")).isTrue();
        assertThat(IgnoreMatcher.of(List.of("!docs/README.md", "docs")).excludes("docs/README.md")).isTrue();
    }

    @Test
    void excludedDirectoryIsWalkedOnlyWhenAnExceptionStartsWithIt() {
        IgnoreMatcher matcher = IgnoreMatcher.of(List.of("logs", "node_modules", "!logs/keep", "!**/important.log"));

        assertThat(matcher.mayReincludeBelow("logs")).isTrue();
        assertThat(matcher.mayReincludeBelow("node_modules")).isFalse();
        assertThat(IgnoreMatcher.of(List.of("logs")).mayReincludeBelow("logs")).isFalse();
    }

    @Test
    void childrenInheritTheirDirectorysMatches() {
        IgnoreMatcher matcher = IgnoreMatcher.of(List.of("dir", "!dir/keep.txt"));

        IgnoreMatcher.Result dir = matcher.match("dir", IgnoreMatcher.MatchInfo.NONE);
        assertThat(dir.excluded()).isTrue();
        assertThat(matcher.match("dir/other.txt", dir.info()).excluded()).isTrue();
        assertThat(matcher.match("dir/keep.txt", dir.info()).excluded()).isFalse();
    }

    @Test
    void olderFirstParentRuleDecidesWhetherBuildFilesNeedAnException() {
        assertThat(IgnoreMatcher.of(List.of("build")).excludesByFirstParent("build/Dockerfile")).isTrue();
        assertThat(IgnoreMatcher.of(List.of("*")).excludesByFirstParent(".dockerignore")).isTrue();
        assertThat(IgnoreMatcher.of(List.of("*.md")).excludesByFirstParent("Dockerfile")).isFalse();
        assertThat(IgnoreMatcher.of(List.of("*")).excludesByFirstParent(".")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[", "a[", "[]", "[]a]", "a\\", "[a-]", "[-a]", "!", "[z-a]", "a\\q"})
    void invalidPatternsAreRejectedWithTheirText(String pattern) {
        assertThatThrownBy(() -> IgnoreMatcher.of(List.of(pattern)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(pattern.equals("!") ? "illegal exclusion pattern" : "syntax error in pattern");
    }
}
