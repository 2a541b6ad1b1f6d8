package io.jenkins.plugins.dockerci.engine.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerci.engine.ManagedLabels;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.cleanup.RemovalOutcome.Status;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CleanupReportTest {

    private static final String ID = "sha256:0123456789abcdef0123";

    @Test
    void summaryCountsEachOutcome() {
        CleanupReport report = new CleanupReport(new RunContext("o", "r-1"), List.of(
                new RemovalOutcome(ResourceKind.CONTAINER, "db", "c1", Status.REMOVED, ""),
                new RemovalOutcome(ResourceKind.CONTAINER, "web", "c2", Status.ALREADY_GONE, ""),
                new RemovalOutcome(ResourceKind.NETWORK, "net", "n1", Status.FAILED, "has active endpoints"),
                new RemovalOutcome(ResourceKind.IMAGE, "app:1", ID, Status.KEPT, "pushed as app:1"),
                new RemovalOutcome(ResourceKind.IMAGE, "app:2", ID, Status.CACHED, "tagged docker-ci-cache/o:0123")), Duration.ofMillis(1250));

        assertThat(report.summary())
                .isEqualTo("Cleanup of run r-1: 1 removed, 1 already gone, 1 kept, 1 kept as build cache, 1 failed in 1.3 s");
        assertThat(report.cached()).extracting(RemovalOutcome::name).containsExactly("app:2");
        assertThat(report.kept()).extracting(RemovalOutcome::name).containsExactly("app:1");
        assertThat(report.isClean()).isFalse();
        assertThat(report.failed()).extracting(RemovalOutcome::name).containsExactly("net");
    }

    @Test
    void outcomesDescribeThemselvesWithAShortId() {
        assertThat(new RemovalOutcome(ResourceKind.IMAGE, "app:1", ID, Status.REMOVED, "").describe())
                .isEqualTo("removed image app:1 (0123456789ab)");
        assertThat(new RemovalOutcome(ResourceKind.NETWORK, "net", "net", Status.FAILED, "in use").describe())
                .isEqualTo("could not remove network net: in use");
        assertThat(new RemovalOutcome(ResourceKind.VOLUME, "v", null, Status.ALREADY_GONE, null).describe())
                .isEqualTo("volume v was already gone");
    }

    @Test
    void aGarbledOrMissingCreatedLabelCountsAsOldest() {
        assertThat(new LabelledResource(ResourceKind.CONTAINER, "c", "c", Map.of(ManagedLabels.CREATED, "soon")).created())
                .isEqualTo(Instant.EPOCH);
        assertThat(new LabelledResource(ResourceKind.CONTAINER, "c", null, null).created()).isEqualTo(Instant.EPOCH);
        assertThat(new LabelledResource(ResourceKind.CONTAINER, "c", "c", Map.of(ManagedLabels.CREATED, "1700000000")).created())
                .isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    }
}
