package io.jenkins.plugins.dockerci.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.RunContext;
import java.io.File;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunIdsTest {

    private static final String LABEL_ALPHABET = "[A-Za-z0-9][A-Za-z0-9_.-]{0,127}";

    @Test
    void readsLikeTheBuildAndFitsTheLabelAlphabet() {
        String id = RunIds.of("team/my app", 42);

        assertThat(id).startsWith("team_my_app-42-").matches(LABEL_ALPHABET);
        new RunContext("owner", id); // the engine accepts it
    }

    @Test
    void isStableForTheSameBuild() {
        assertThat(RunIds.of("a/b", 7)).isEqualTo(RunIds.of("a/b", 7));
    }

    @Test
    void jobsThatLookAlikeAfterSanitisingStillGetDifferentIds() {
        Set<String> ids = new HashSet<>();
        for (String name : new String[] {"a b", "a_b", "a/b", "a?b", "a_b/c", "a/b_c"}) {
            ids.add(RunIds.of(name, 1));
        }
        assertThat(ids).hasSize(6);
        assertThat(RunIds.of("a", 1)).isNotEqualTo(RunIds.of("a", 11));
    }

    @Test
    void handlesNamesThatStartBadlyOrAreNotAscii() {
        assertThat(RunIds.of("_hidden", 1)).matches(LABEL_ALPHABET).startsWith("j_hidden-1-");
        assertThat(RunIds.of("Öl/ünïcödé", 3)).matches(LABEL_ALPHABET);
        assertThat(RunIds.of("-", 3)).matches(LABEL_ALPHABET);
    }

    @Test
    void cutsLongNamesButKeepsNumberAndHash() {
        String longName = "folder/".repeat(40) + "job";
        String id = RunIds.of(longName, 123456);

        assertThat(id).hasSizeLessThanOrEqualTo(128).matches(LABEL_ALPHABET).contains("-123456-");
        assertThat(id).isNotEqualTo(RunIds.of(longName + "2", 123456));
    }

    @Test
    void rejectsWhatIsNotABuild() {
        assertThatThrownBy(() -> RunIds.fromExternalizableId("no-number")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<job>#<number>");
        assertThatThrownBy(() -> RunIds.of("", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunIds.of("a", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
