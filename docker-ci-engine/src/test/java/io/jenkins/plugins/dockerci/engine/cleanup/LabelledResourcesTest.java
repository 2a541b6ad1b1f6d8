package io.jenkins.plugins.dockerci.engine.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerci.engine.RunContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelledResourcesTest {

    private static final Instant BUILT = Instant.parse("2026-11-27T10:00:00Z");
    private static final Map<String, String> IMAGE_LABELS = new RunContext("o", "r").labels(Clock.fixed(BUILT, ZoneOffset.UTC));

    @Test
    void aContainerMadeFromAKeptImageLongAfterTheBuildInheritedItsLabels() {
        assertThat(LabelledResources.inherited(IMAGE_LABELS, IMAGE_LABELS, BUILT.plusSeconds(7200).getEpochSecond())).isTrue();
    }

    @Test
    void aContainerTheEngineMadeRightAfterAQuickBuildIsTheRuns() {
        // same second as the build's labels, which a cached build allows
        assertThat(LabelledResources.inherited(IMAGE_LABELS, IMAGE_LABELS, BUILT.plusSeconds(5).getEpochSecond())).isFalse();
    }

    @Test
    void aContainerLabelledWithItsOwnCreationTimeIsTheRuns() {
        Map<String, String> own = new RunContext("o", "r").labels(Clock.fixed(BUILT.plusSeconds(7200), ZoneOffset.UTC));

        assertThat(LabelledResources.inherited(own, IMAGE_LABELS, BUILT.plusSeconds(7200).getEpochSecond())).isFalse();
    }

    @Test
    void withoutImageLabelsOrCreationTimeNothingCountsAsInherited() {
        assertThat(LabelledResources.inherited(IMAGE_LABELS, Map.of(), BUILT.plusSeconds(7200).getEpochSecond())).isFalse();
        assertThat(LabelledResources.inherited(IMAGE_LABELS, IMAGE_LABELS, null)).isFalse();
        Map<String, String> otherRun = new HashMap<>(IMAGE_LABELS);
        otherRun.put("io.jenkins.dockerci.run", "r2");
        assertThat(LabelledResources.inherited(otherRun, IMAGE_LABELS, BUILT.plusSeconds(7200).getEpochSecond())).isFalse();
    }
}
