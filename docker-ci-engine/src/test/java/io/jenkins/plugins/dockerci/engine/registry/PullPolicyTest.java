package io.jenkins.plugins.dockerci.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import org.junit.jupiter.api.Test;

class PullPolicyTest {

    @Test
    void parsesTheVocabularyInAnyCase() {
        assertThat(PullPolicy.parse("missing", "x")).isEqualTo(PullPolicy.MISSING);
        assertThat(PullPolicy.parse(" Always ", "x")).isEqualTo(PullPolicy.ALWAYS);
        assertThat(PullPolicy.parse("NEVER", "x")).isEqualTo(PullPolicy.NEVER);
        assertThat(PullPolicy.ALWAYS.parameterValue()).isEqualTo("always");
    }

    @Test
    void anUnknownPolicyNamesTheParameterAndTheChoices() {
        assertThatThrownBy(() -> PullPolicy.parse("if-not-present", "dockerTest.pull"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("dockerTest.pull is 'if-not-present'")
                .hasMessageContaining("missing, always, never");
    }
}
