package io.jenkins.plugins.dockerci.engine.cleanup.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.ManagedLabels;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.cleanup.Cleaner;
import io.jenkins.plugins.dockerci.engine.cleanup.CleanupPolicy;
import io.jenkins.plugins.dockerci.engine.cleanup.Leftovers;
import io.jenkins.plugins.dockerci.engine.cleanup.OrphanReaper;
import io.jenkins.plugins.dockerci.engine.ledger.LedgerEntry;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceLedger;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process-level proof: a run in a child JVM is killed with SIGKILL at a random moment near a checkpoint, and
 * the reaper of its owner, run afterwards, leaves nothing labelled behind while everything unlabelled or of another
 * owner survives. Set {@code -Dcrash.seed=N} to replay the random delays of a failed run (the seed is in the message).
 */
class KilledRunIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    private static final long SEED = Long.getLong("crash.seed", System.nanoTime());
    private static Random random;

    @TempDir
    Path ledgers;

    private final List<String> bystanders = new ArrayList<>();
    private DockerClient docker;
    private Cleaner cleaner;

    @BeforeAll
    static void seed() {
        random = new Random(SEED);
    }

    @BeforeEach
    void setUp() {
        docker = DOCKER.client();
        cleaner = Cleaner.open(DOCKER.endpoint(), Duration.ofSeconds(20), LogSink.NONE);
        bystanders.add(Leftovers.bystander(docker, DOCKER.uniqueName("unlabelled"), Map.of(), null));
        bystanders.add(Leftovers.bystander(docker, DOCKER.uniqueName("theirs"),
                new RunContext("other-" + DOCKER.uniqueName("owner"), "run-1").labels(), null));
    }

    @AfterEach
    void tearDown() throws Exception {
        bystanders.forEach(id -> Leftovers.removeContainer(docker, id));
        cleaner.close();
    }

    @ParameterizedTest(name = "killed up to {1} ms after ''{0}'', cleaned up with the ledger first: {2}")
    @CsvSource({
        "started, 150, false",
        "network, 300, true",
        "services, 700, false",
        "build, 1200, true",
        "build, 1200, false",
        "test, 1500, true",
        "finished, 0, false",
    })
    void aKilledRunLeavesNothingAfterTheReaper(String checkpoint, int maxDelayMillis, boolean ledgerFirst) throws Exception {
        RunContext run = DOCKER.newRun();
        Path ledgerDirectory = Files.createDirectories(ledgers.resolve(run.runId()));
        int delay = maxDelayMillis == 0 ? 0 : random.nextInt(maxDelayMillis + 1);
        List<String> reached;
        try (ChildJvm child = ChildJvm.start(LabelledResourcesFlow.class, ledgerDirectory, run)) {
            child.awaitCheckpoint(checkpoint, Duration.ofMinutes(2));
            Thread.sleep(delay);
            child.kill();
            reached = child.checkpoints();
        }
        String where = "killed " + delay + " ms after '" + checkpoint + "' (checkpoints reached: " + reached
                + "; replay with -Dcrash.seed=" + SEED + ")";

        // the ledger was written before the kill and is complete JSON whatever the moment
        ResourceLedger ledger = ResourceLedger.read(ResourceLedger.fileFor(ledgerDirectory, run.runId()));
        if (checkpoint.equals(CrashableFlowMain.FINISHED)) {
            assertThat(ledger.entries()).as(where).hasSize(5).allMatch(LedgerEntry::confirmed);
        }
        if (!List.of(CrashableFlowMain.STARTED, "network").contains(checkpoint)) {
            assertThat(Leftovers.of(docker, run)).as("what the killed run left, " + where).isNotEmpty();
        }
        if (ledgerFirst) {
            cleaner.cleanup(ledger, CleanupPolicy.REMOVE_ALL);
        }
        new OrphanReaper(cleaner, CleanupPolicy.REMOVE_ALL, LogSink.NONE, Clock.systemUTC())
                .reap(DOCKER.ownerId(), runId -> false, Duration.ZERO);

        assertThat(Leftovers.labelled(docker, Map.of(ManagedLabels.OWNER, DOCKER.ownerId()))).as(where).isEmpty();
        assertThat(bystanders).as("unlabelled and other owner's containers").allMatch(id -> Leftovers.containerExists(docker, id));
    }
}
