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
import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceLedger;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import io.jenkins.plugins.dockerci.engine.testsupport.MarkedBuildSteps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The process-level proof, for any {@link CrashableFlow}: a run in a child JVM is killed with SIGKILL at a random
 * moment near a checkpoint, and the reaper of its owner, run afterwards, leaves nothing labelled behind but the
 * owner's build cache (kept on purpose, under its cache tag) while everything unlabelled or of another owner
 * survives. Set {@code -Dcrash.seed=N} to replay the random delays of a
 * failed run (the seed is in the message).
 *
 * <p>To prove it for another flow, extend this class in an {@code *IT} and return the flow from {@link #flow()}. The
 * flow must report the checkpoints {@code network}, {@code services}, {@code build} and {@code test}, each right
 * before the step it names, in the order the flow takes them; a flow whose first steps may end with nothing created
 * names them in {@link #checkpointsBeforeAnyResource()}.
 */
public abstract class KilledRunContract {

    @RegisterExtension
    protected static final DockerExtension DOCKER = new DockerExtension();

    private static final long SEED = Long.getLong("crash.seed", System.nanoTime());
    private static final Duration SETTLED = Duration.ofSeconds(2);
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path ledgers;

    private final List<String> bystanders = new ArrayList<>();
    private DockerClient docker;
    private Cleaner cleaner;

    /** The flow to run and kill. */
    protected abstract Class<? extends CrashableFlow> flow();

    /** How many resources the flow creates when it runs to the end, or -1 when that varies. */
    protected abstract int resourcesOfAFinishedRun();

    /**
     * The checkpoints after which a kill may find nothing created yet; by default the start and the network (the
     * stand-in flow creates its network first).
     */
    protected Set<String> checkpointsBeforeAnyResource() {
        return Set.of(CrashableFlowMain.STARTED, "network");
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
    public void aKilledRunLeavesNothingAfterTheReaper(String checkpoint, int maxDelayMillis, boolean ledgerFirst) throws Exception {
        RunContext run = DOCKER.newRun();
        // image creation times are whole seconds of the engine's clock
        long started = Instant.now().getEpochSecond() - 1;
        Path ledgerDirectory = Files.createDirectories(ledgers.resolve(run.runId()));
        int delay = new Random(SEED + checkpoint.hashCode() * 31L + (ledgerFirst ? 1 : 0)).nextInt(maxDelayMillis + 1);
        List<String> reached;
        try (ChildJvm child = ChildJvm.start(flow(), ledgerDirectory, run)) {
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
            assertThat(ledger.entries()).as(where).allMatch(LedgerEntry::confirmed);
            if (resourcesOfAFinishedRun() >= 0) {
                assertThat(ledger.entries()).as(where).hasSize(resourcesOfAFinishedRun());
            }
        }
        List<String> left = settledLeftovers();
        if (!checkpointsBeforeAnyResource().contains(checkpoint)) {
            assertThat(left).as("what the killed run left, " + where).isNotEmpty();
        }
        if (ledgerFirst) {
            cleaner.cleanup(ledger, CleanupPolicy.REMOVE_ALL);
        }
        // the reaper is given the ledgers it can find, as docker-ci reap does (without one, the tags a run asked for
        // stay: BuildCacheIT shows that)
        new OrphanReaper(cleaner, CleanupPolicy.REMOVE_ALL, LogSink.NONE, Clock.systemUTC()).reapWithCache(DOCKER.ownerId(),
                runId -> false, Duration.ZERO, runId -> runId.equals(run.runId()) ? Optional.of(ledger) : Optional.empty());
        // known limit, not the contract: a build the kill cut off leaves the steps it committed untagged and without
        // anything of the run (run tag and labels come at the build's end), so no reaper can find them; the flows
        // mark their build step with the run id, so the test removes them as its own
        MarkedBuildSteps.removeUntagged(docker, run.runId(), started);

        // what the run built may stay, on purpose, as build cache under the owner's cache tag; nothing else may
        assertThat(Leftovers.runTagged(docker, DOCKER.ownerId())).as("images still tagged for a run, " + where).isEmpty();
        assertThat(ledger.entries()).as(where).filteredOn(e -> e.kind() == ResourceKind.TAG)
                .noneMatch(tag -> Leftovers.imageExists(docker, tag.name()));
        DOCKER.removeCache();
        assertThat(Leftovers.labelled(docker, Map.of(ManagedLabels.OWNER, DOCKER.ownerId()))).as(where).isEmpty();
        assertThat(bystanders).as("unlabelled and other owner's containers").allMatch(id -> Leftovers.containerExists(docker, id));
    }

    /** What carries this owner's labels, and the images under its run tags (built images carry no labels of ours). */
    private Set<String> ownersResources() {
        Set<String> found = new HashSet<>(Leftovers.labelled(docker, Map.of(ManagedLabels.OWNER, DOCKER.ownerId())));
        found.addAll(Leftovers.runTagged(docker, DOCKER.ownerId()));
        return found;
    }

    /**
     * What this owner has on the engine once it stops changing. The daemon still completes the calls the killed JVM
     * had in flight (a network create, a build step), so a reaper that ran at once could miss what they create; a
     * real reaper has its grace period for that.
     */
    private List<String> settledLeftovers() throws InterruptedException {
        Set<String> last = ownersResources();
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        long stableSince = System.nanoTime();
        while (System.nanoTime() - stableSince < SETTLED.toNanos() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            Set<String> now = ownersResources();
            if (!now.equals(last)) {
                last = now;
                stableSince = System.nanoTime();
            }
        }
        return List.copyOf(last);
    }
}
