package io.jenkins.plugins.dockerci.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import org.junit.jupiter.api.Test;

class FormTextTest {

    @Test
    void listsTakeLinesAndCommasAndSkipBlanksAndComments() {
        assertThat(FormText.list("app:1, app:2\n\n# a comment\n  app:3  \r\n")).containsExactly("app:1", "app:2", "app:3");
        assertThat(FormText.list(null)).isEmpty();
    }

    @Test
    void assignmentsKeepEqualsSignsAndEmptyValuesInTheValue() {
        assertThat(FormText.assignments("A=1\nB=x=y\nC=\n# D=4\n", "what"))
                .containsExactly(entry("A", "1"), entry("B", "x=y"), entry("C", ""));
    }

    @Test
    void anAssignmentWithoutNameSaysWhichLine() {
        assertThatThrownBy(() -> FormText.assignments("A=1\n=2", "dockerBuild.buildArgs"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("dockerBuild.buildArgs, line 2")
                .hasMessageContaining("NAME=value");
    }

    @Test
    void aNameSetTwiceIsRejected() {
        assertThatThrownBy(() -> FormText.assignments("A=1\nA=2", "env")).hasMessageContaining("A is set twice");
    }

    @Test
    void portsMustBeTcpPorts() {
        assertThat(FormText.ports("5432, 80", "ports")).containsExactly(5432, 80);
        assertThatThrownBy(() -> FormText.ports("70000", "services[db].ports"))
                .hasMessageContaining("services[db].ports: '70000' is not a port");
    }

    private static java.util.Map.Entry<String, String> entry(String key, String value) {
        return java.util.Map.entry(key, value);
    }
}
