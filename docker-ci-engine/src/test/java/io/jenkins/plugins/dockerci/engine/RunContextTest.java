package io.jenkins.plugins.dockerci.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RunContextTest {

    @Test
    void labelsCarryOwnerRunAndCreationTime() {
        RunContext run = new RunContext("jenkins-abc", "job-42");
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

        assertThat(run.labels(clock)).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                "io.jenkins.dockerci.managed", "true",
                "io.jenkins.dockerci.owner", "jenkins-abc",
                "io.jenkins.dockerci.run", "job-42",
                "io.jenkins.dockerci.created", "1700000000"));
    }

    @Test
    void rejectsIdsThatCannotBeLabelFilterValues() {
        assertThatThrownBy(() -> new RunContext("owner", "my job #1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("runId 'my job #1'");
    }
}
