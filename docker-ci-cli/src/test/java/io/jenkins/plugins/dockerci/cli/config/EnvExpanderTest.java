package io.jenkins.plugins.dockerci.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvExpanderTest {

    private final EnvExpander expander = new EnvExpander(Map.of("BUILD_NUMBER", "42", "EMPTY", "", "PRICE", "$5\\x"));

    @Test
    void expandsVariablesAndDefaultsLikeAShell() {
        assertThat(expander.expand("app:${BUILD_NUMBER}").value()).isEqualTo("app:42");
        assertThat(expander.expand("${UNSET:-dev}-${EMPTY:-fallback}").value()).isEqualTo("dev-fallback");
        assertThat(expander.expand("${PRICE}").value()).isEqualTo("$5\\x");
    }

    @Test
    void leavesServiceTemplatesForTheEngine() {
        assertThat(expander.expand("postgresql://postgres@${db.host}:${db.port.5432}/${BUILD_NUMBER}").value())
                .isEqualTo("postgresql://postgres@${db.host}:${db.port.5432}/42");
    }

    @Test
    void reportsUnsetVariablesWithoutDefault() {
        EnvExpander.Result result = expander.expand("${A}/${B:-b}/${C}");

        assertThat(result.value()).isEqualTo("/b/");
        assertThat(result.missing()).containsExactly("A", "C");
    }

    @Test
    void doubleDollarIsLeftForTheEngineToUnescape() {
        assertThat(expander.expand("literal $${HOME} and $${BUILD_NUMBER}").value()).isEqualTo("literal $${HOME} and $${BUILD_NUMBER}");
    }
}
