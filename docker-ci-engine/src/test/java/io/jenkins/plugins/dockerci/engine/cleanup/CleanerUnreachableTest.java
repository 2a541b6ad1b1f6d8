package io.jenkins.plugins.dockerci.engine.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.docker.DockerEndpoint;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceLedger;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cleanup whose engine does not answer (finding 14.5): what Docker never confirmed creating is reported as never
 * created, without a warning; only what Docker did create is a failure, since it may still be there.
 */
class CleanerUnreachableTest {

    @Test
    void intentsTheEngineNeverConfirmedAreNotCreatedAndOnlyCreatedResourcesWarn(@TempDir Path dir) throws IOException {
        ResourceLedger ledger = ResourceLedger.open(dir, new RunContext("owner", "run-1"));
        ledger.creating(ResourceKind.NETWORK, "dci-run-1-net");
        ledger.creating(ResourceKind.CONTAINER, "dci-run-1-db");
        ledger.creating(ResourceKind.IMAGE, "app:1");
        ledger.created(ResourceKind.IMAGE, "app:1", "sha256:0123456789abcdef");
        List<String> warnings = new ArrayList<>();
        List<String> infos = new ArrayList<>();
        LogSink log = (kind, text) -> (kind == LogSink.Kind.WARN ? warnings : infos).add(text);

        CleanupReport report;
        try (Cleaner cleaner = Cleaner.open(closedPort(), Duration.ofSeconds(5), log)) {
            report = cleaner.cleanup(ledger, CleanupPolicy.REMOVE_ALL);
        }

        assertThat(report.notCreated()).extracting(RemovalOutcome::name).containsExactlyInAnyOrder("dci-run-1-net", "dci-run-1-db");
        assertThat(report.failed()).extracting(RemovalOutcome::name).containsExactly("app:1");
        assertThat(warnings).singleElement().asString().contains("app:1").contains("cannot be reached");
        assertThat(infos).anyMatch(line -> line.contains("2 never created (the engine could not be reached)"));
    }

    @Test
    void aRunThatNeverReachedTheEngineWarnsAboutNothing(@TempDir Path dir) throws IOException {
        ResourceLedger ledger = ResourceLedger.open(dir, new RunContext("owner", "run-2"));
        ledger.creating(ResourceKind.CONTAINER, "dci-run-2-tests");
        List<String> warnings = new ArrayList<>();

        try (Cleaner cleaner = Cleaner.open(closedPort(), Duration.ofSeconds(5),
                (kind, text) -> { if (kind == LogSink.Kind.WARN) { warnings.add(text); } })) {
            assertThat(cleaner.cleanup(ledger, CleanupPolicy.REMOVE_ALL).isClean()).isTrue();
        }
        assertThat(warnings).isEmpty();
    }

    /** An engine address on 127.0.0.1 where nothing listens. */
    private static DockerEndpoint closedPort() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return DockerEndpoint.of("tcp://127.0.0.1:" + port);
    }
}
