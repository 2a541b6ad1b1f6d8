package io.jenkins.plugins.dockerci.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerci.config.DockerCiConfiguration;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceLedger;
import io.jenkins.plugins.dockerci.identity.RunIds;
import io.jenkins.plugins.dockerci.params.StepServices;
import io.jenkins.plugins.dockerci.testsupport.TestRun;
import io.jenkins.plugins.dockerci.testsupport.MapCredentialsLookup;
import io.jenkins.plugins.dockerci.testsupport.RecordingListener;
import java.io.File;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CleanupSafetyNetTest {

    @TempDir
    File buildDir;

    private final RunLedgers ledgers = new RunLedgers();
    private final StepServices services = new StepServices(new DockerCiConfiguration(), new MapCredentialsLookup(Map.of()),
            () -> "owner-1", ledgers);

    @Test
    void aBuildCleanedByItsPostBuildActionIsLeftAloneAndItsLedgerClosed() throws IOException {
        TestRun run = new TestRun("app", 1, buildDir);
        ResourceLedger open = ledgers.open(run, new RunContext("owner-1", RunIds.of(run)));
        CleanupMarker.mark(run);
        RecordingListener console = new RecordingListener();

        new CleanupSafetyNet().onCompleted(run, console, services);

        assertThat(console.text()).isEmpty();
        assertThat(ledgers.find(run, RunIds.of(run))).as("read back from the build directory, not the open one")
                .hasValueSatisfying(ledger -> assertThat(ledger).isNotSameAs(open));
    }
}
