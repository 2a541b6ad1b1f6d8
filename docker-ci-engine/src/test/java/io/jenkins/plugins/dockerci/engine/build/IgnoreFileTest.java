package io.jenkins.plugins.dockerci.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IgnoreFileTest {

    @Test
    void readsPatternsLikeTheDockerCli() {
        String content = "test1\n/test2\n/a/file/here\n\nlastfile\n# this is a comment\n! /inverted/abs/path\n!\n! ";

        assertThat(IgnoreFile.parse(content)).containsExactly(
                "test1", "test2", "a/file/here", "lastfile", "!inverted/abs/path", "!", "!");
    }

    @Test
    void cleansPathsAndKeepsOnlyFirstColumnCommentsAsComments() {
        String content = "\uFEFF./a\r\n a//b/../c/ \n #not-a-comment\n#comment\n\t\n/\n";

        assertThat(IgnoreFile.parse(content)).containsExactly("a", "a/c", "#not-a-comment", "/");
    }
}
