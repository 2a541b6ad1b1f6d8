package io.jenkins.plugins.dockerci.engine.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.ManagedLabels;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.cleanup.RemovalOutcome.Status;
import io.jenkins.plugins.dockerci.engine.docker.DockerEndpoint;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceLedger;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CleanerIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    @TempDir
    Path ledgers;

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<String> bystanders = new ArrayList<>();
    private DockerClient docker;
    private Cleaner cleaner;
    private RunContext run;
    private ResourceLedger ledger;
    private RunFixture fixture;

    @BeforeEach
    void newRun() {
        docker = DOCKER.client();
        cleaner = Cleaner.open(DOCKER.endpoint(), Duration.ofSeconds(20), (kind, text) -> log.add(kind + " " + text));
        run = DOCKER.newRun();
        ledger = ResourceLedger.open(ledgers, run);
        fixture = new RunFixture(new EngineContext(docker, run, ledger));
    }

    @AfterEach
    void removeBystanders() throws IOException {
        bystanders.forEach(id -> Leftovers.removeContainer(docker, id));
        cleaner.close();
    }

    @Test
    void removesEverythingTheRunCreatedContainersFirstImagesLast() {
        String net = fixture.network(DOCKER.uniqueName("net"));
        String volume = fixture.volume(DOCKER.uniqueName("vol"));
        String db = fixture.container(DOCKER.uniqueName("db"), net, volume);
        fixture.container(DOCKER.uniqueName("cache"), net, null);
        fixture.container(DOCKER.uniqueName("test"), net, null);
        String imageId = fixture.image(DOCKER.uniqueName("app") + ":ci", false);
        fixture.tag(imageId, "127.0.0.1:5000/" + DOCKER.uniqueName("app") + ":1");
        String anonymousVolume = anonymousVolumeOf(db);

        CleanupReport report = cleaner.cleanup(ledger, CleanupPolicy.REMOVE_ALL);

        assertThat(Leftovers.of(docker, run)).isEmpty();
        assertThat(Leftovers.volumeExists(docker, anonymousVolume)).as("anonymous volume of a removed container").isFalse();
        assertThat(report.isClean()).isTrue();
        assertThat(report.removed()).extracting(RemovalOutcome::kind).containsExactly(ResourceKind.CONTAINER,
                ResourceKind.CONTAINER, ResourceKind.CONTAINER, ResourceKind.VOLUME, ResourceKind.NETWORK, ResourceKind.TAG,
                ResourceKind.IMAGE);
        assertThat(log).contains("INFO " + report.summary());
    }

    @Test
    void cleaningTwiceIsHarmless() {
        String net = fixture.network(DOCKER.uniqueName("net"));
        fixture.container(DOCKER.uniqueName("db"), net, null);
        cleaner.cleanup(ledger, CleanupPolicy.REMOVE_ALL);

        CleanupReport again = cleaner.cleanup(ledger, CleanupPolicy.REMOVE_ALL);

        assertThat(again.isClean()).isTrue();
        assertThat(again.removed()).isEmpty();
        assertThat(again.alreadyGone()).extracting(RemovalOutcome::kind).containsExactly(ResourceKind.CONTAINER, ResourceKind.NETWORK);
    }

    @Test
    void aContainerRemovedBehindItsBackCountsAsAlreadyGone() {
        String net = fixture.network(DOCKER.uniqueName("net"));
        String db = fixture.container(DOCKER.uniqueName("db"), net, null);
        fixture.container(DOCKER.uniqueName("web"), net, null);
        docker.removeContainerCmd(db).withForce(true).withRemoveVolumes(true).exec();

        CleanupReport report = cleaner.cleanup(ledger, CleanupPolicy.REMOVE_ALL);

        assertThat(report.isClean()).isTrue();
        assertThat(report.alreadyGone()).extracting(RemovalOutcome::kind).containsExactly(ResourceKind.CONTAINER);
        assertThat(report.removed()).extracting(RemovalOutcome::kind).containsExactly(ResourceKind.CONTAINER, ResourceKind.NETWORK);
        assertThat(Leftovers.of(docker, run)).isEmpty();
    }

    @Test
    void aNetworkStillInUseIsReportedAndEverythingElseIsStillRemoved() {
        String netName = DOCKER.uniqueName("net");
        String net = fixture.network(netName);
        fixture.container(DOCKER.uniqueName("db"), net, null);
        String imageId = fixture.image(DOCKER.uniqueName("app") + ":ci", false);
        String intruder = bystander(DOCKER.uniqueName("intruder"), Map.of(), net);

        CleanupReport report = cleaner.cleanup(ledger, CleanupPolicy.REMOVE_ALL);

        assertThat(report.failed()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(ResourceKind.NETWORK);
            assertThat(f.id()).isEqualTo(net);
            assertThat(f.detail()).contains("active endpoints");
        });
        assertThat(report.removed()).extracting(RemovalOutcome::kind).containsExactly(ResourceKind.CONTAINER, ResourceKind.IMAGE);
        assertThat(Leftovers.containerExists(docker, intruder)).isTrue();
        assertThat(log).anySatisfy(line -> assertThat(line).startsWith("WARN Cleanup: could not remove network " + netName)
                .contains("docker network rm " + netName));
        assertThat(Leftovers.of(docker, run)).containsExactly("network " + netName);
        assertThat(imageId).isNotBlank();

        Leftovers.removeContainer(docker, intruder);
        assertThat(cleaner.cleanup(ledger, CleanupPolicy.REMOVE_ALL).isClean()).isTrue();
        assertThat(Leftovers.of(docker, run)).isEmpty();
    }

    @Test
    void resourcesTheLedgerMissedAreFoundByTheirRunLabel() {
        // the JVM died between intent and confirmation: only the intent is recorded
        ResourceTracker intentOnly = new ResourceTracker() {
            @Override
            public void creating(ResourceKind kind, String name) {
                ledger.creating(kind, name);
            }

            @Override
            public void created(ResourceKind kind, String name, String id) {
            }
        };
        String net = new RunFixture(new EngineContext(docker, run, intentOnly)).network(DOCKER.uniqueName("net"));
        // created by something that never told the ledger at all
        new RunFixture(new EngineContext(docker, run, ResourceTracker.NONE)).container(DOCKER.uniqueName("lost"), net, null);

        CleanupReport report = cleaner.cleanup(ledger, CleanupPolicy.REMOVE_ALL);

        assertThat(Leftovers.of(docker, run)).isEmpty();
        assertThat(report.removed()).extracting(RemovalOutcome::kind, RemovalOutcome::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ResourceKind.CONTAINER, "found by its run label; the ledger did not have it"),
                org.assertj.core.groups.Tuple.tuple(ResourceKind.NETWORK, ""));
    }

    @Test
    void anInterruptBeforeCleanupNeitherStopsItNorIsLost() {
        String net = fixture.network(DOCKER.uniqueName("net"));
        fixture.container(DOCKER.uniqueName("db"), net, null);
        fixture.container(DOCKER.uniqueName("web"), net, null);

        Thread.currentThread().interrupt();
        CleanupReport report;
        boolean stillInterrupted;
        try {
            report = cleaner.cleanup(ledger, CleanupPolicy.REMOVE_ALL);
        } finally {
            stillInterrupted = Thread.interrupted();
        }

        assertThat(stillInterrupted).as("interrupt flag restored").isTrue();
        assertThat(report.isClean()).isTrue();
        assertThat(Leftovers.of(docker, run)).isEmpty();
    }

    @Test
    void interruptsArrivingDuringCleanupDoNotCutItShort() throws InterruptedException {
        String net = fixture.network(DOCKER.uniqueName("net"));
        for (int i = 0; i < 3; i++) {
            fixture.container(DOCKER.uniqueName("svc" + i), net, null);
        }
        fixture.image(DOCKER.uniqueName("app") + ":ci", false);
        AtomicReference<CleanupReport> report = new AtomicReference<>();
        AtomicBoolean interruptedAfter = new AtomicBoolean();
        Thread cleanup = new Thread(() -> {
            report.set(cleaner.cleanup(ledger, CleanupPolicy.REMOVE_ALL));
            interruptedAfter.set(Thread.currentThread().isInterrupted());
        });

        cleanup.start();
        int interrupts = 0;
        while (cleanup.isAlive()) {
            cleanup.interrupt();
            interrupts++;
            Thread.sleep(3);
        }

        assertThat(interrupts).isGreaterThan(1);
        assertThat(report.get().isClean()).as(String.valueOf(report.get().failed())).isTrue();
        assertThat(interruptedAfter).isTrue();
        assertThat(Leftovers.of(docker, run)).isEmpty();
    }

    @Test
    void keepPushedKeepsThePushedTagAndItsImageAndRemovesTheRest() {
        String repo = "127.0.0.1:5000/" + DOCKER.uniqueName("app");
        String imageId = fixture.image(DOCKER.uniqueName("app") + ":ci", false);
        fixture.tag(imageId, repo + ":1");
        fixture.tag(imageId, repo + ":scratch");
        fixture.tag(imageId, repo + "-latest:latest");
        ledger.markPushed(repo + ":1");
        ledger.markPushed(repo + "-latest");

        CleanupReport report = cleaner.cleanup(ledger, CleanupPolicy.KEEP_PUSHED);

        assertThat(docker.inspectImageCmd(imageId).exec().getRepoTags()).containsExactlyInAnyOrder(repo + ":1", repo + "-latest:latest");
        assertThat(report.kept()).extracting(RemovalOutcome::kind).containsExactly(ResourceKind.TAG, ResourceKind.TAG, ResourceKind.IMAGE);
        assertThat(report.isClean()).isTrue();

        cleaner.cleanup(ledger, CleanupPolicy.REMOVE_ALL);
        assertThat(Leftovers.of(docker, run)).isEmpty();
    }

    @Test
    void keepImagesLeavesBuiltImagesAndTheirTagsButRemovesContainers() {
        String imageId = fixture.image(DOCKER.uniqueName("app") + ":ci", false);
        String tag = "127.0.0.1:5000/" + DOCKER.uniqueName("app") + ":1";
        fixture.tag(imageId, tag);
        fixture.container(DOCKER.uniqueName("db"), null, null);

        CleanupReport report = cleaner.cleanup(ledger, CleanupPolicy.KEEP_IMAGES);

        assertThat(Leftovers.of(docker, run)).anySatisfy(left -> assertThat(left).startsWith("image sha256:" + imageId))
                .allSatisfy(left -> assertThat(left).startsWith("image "));
        assertThat(report.kept()).extracting(RemovalOutcome::kind).containsExactly(ResourceKind.TAG, ResourceKind.IMAGE);

        cleaner.cleanup(ledger, CleanupPolicy.REMOVE_ALL);
        assertThat(Leftovers.of(docker, run)).isEmpty();
    }

    @Test
    void neverTouchesUnlabelledContainersOrAnotherOwnersEvenUnderARecordedName() {
        String clashing = DOCKER.uniqueName("clash");
        String unlabelled = bystander(clashing, Map.of(), null);
        // our create call failed on the name clash: only the intent is in the ledger
        ledger.creating(ResourceKind.CONTAINER, clashing);
        RunContext otherOwnerSameRunId = new RunContext("someone-else-" + DOCKER.uniqueName("o"), run.runId());
        String otherOwners = bystander(DOCKER.uniqueName("theirs"), otherOwnerSameRunId.labels(), null);
        ledger.created(ResourceKind.CONTAINER, "theirs-recorded-by-mistake", otherOwners);
        fixture.container(DOCKER.uniqueName("ours"), null, null);

        CleanupReport report = cleaner.cleanup(ledger, CleanupPolicy.REMOVE_ALL);

        assertThat(Leftovers.containerExists(docker, unlabelled)).isTrue();
        assertThat(Leftovers.containerExists(docker, otherOwners)).isTrue();
        assertThat(report.kept()).hasSize(2).allSatisfy(k -> assertThat(k.detail()).contains("not labelled with run " + run.runId()));
        assertThat(report.removed()).hasSize(1);
        assertThat(Leftovers.of(docker, run)).isEmpty();
    }

    @Test
    void aContainerThatInheritedTheRunLabelsFromAKeptImageIsLeftAlone() {
        // the run built its image an hour ago and kept it; now someone else runs it, without labels of their own,
        // and Docker copies the image's run labels into their container
        RunFixture anHourAgo = new RunFixture(new EngineContext(docker, run, ledger, Clock.offset(Clock.systemUTC(), Duration.ofHours(-1))));
        String imageId = anHourAgo.image(DOCKER.uniqueName("app") + ":ci", false);
        String theirs = Leftovers.bystander(docker, imageId, DOCKER.uniqueName("theirs"), Map.of(), null);
        bystanders.add(theirs);
        assertThat(docker.inspectContainerCmd(theirs).exec().getConfig().getLabels()).containsAllEntriesOf(runLabels(run));
        OrphanReaper reaper = new OrphanReaper(cleaner, CleanupPolicy.KEEP_IMAGES, LogSink.NONE, Clock.systemUTC());

        CleanupReport report = cleaner.cleanup(ledger, CleanupPolicy.KEEP_IMAGES);
        reaper.reapRun(run);

        assertThat(Leftovers.containerExists(docker, theirs)).isTrue();
        assertThat(report.outcomes()).noneMatch(o -> o.kind() == ResourceKind.CONTAINER);
        assertThat(reaper.dryRun(DOCKER.ownerId(), runId -> false, Duration.ZERO)).as("kept image only: nothing to reap").isEmpty();

        Leftovers.removeContainer(docker, theirs);
        cleaner.cleanup(ledger, CleanupPolicy.REMOVE_ALL);
        assertThat(Leftovers.of(docker, run)).isEmpty();
    }

    @Test
    void anUnreachableEngineGivesAReportOfFailuresNotAnException() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ledger.creating(ResourceKind.CONTAINER, "db");
        ledger.created(ResourceKind.CONTAINER, "db", "0123456789ab");

        CleanupReport report;
        try (Cleaner offline = Cleaner.open(DockerEndpoint.of("tcp://127.0.0.1:" + closedPort), Duration.ofSeconds(2), LogSink.NONE)) {
            report = offline.cleanup(ledger, CleanupPolicy.REMOVE_ALL);
        }

        assertThat(report.isClean()).isFalse();
        assertThat(report.outcomes()).allMatch(o -> o.status() == Status.FAILED);
        assertThat(report.failed().get(0).detail()).contains("Connect");
    }

    @Test
    void anEngineThatNeverAnswersIsCutOffByTheCallTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            List<Socket> accepted = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.start();
            ledger.creating(ResourceKind.NETWORK, "net");
            ledger.created(ResourceKind.NETWORK, "net", "0123456789ab");
            ledger.creating(ResourceKind.CONTAINER, "never-confirmed");

            CleanupReport report;
            try (Cleaner hanging = Cleaner.open(DockerEndpoint.of("tcp://127.0.0.1:" + silent.getLocalPort()),
                    Duration.ofMillis(300), LogSink.NONE)) {
                report = hanging.cleanup(ledger, CleanupPolicy.REMOVE_ALL);
            }

            assertThat(report.failed()).extracting(RemovalOutcome::name).containsExactly("net");
            assertThat(report.failed().get(0).detail()).contains("did not answer within the cleanup call timeout");
            assertThat(report.notCreated()).extracting(RemovalOutcome::name).containsExactly("never-confirmed");
            silent.close();
            acceptor.join(5_000);
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    private String bystander(String name, Map<String, String> labels, String network) {
        String id = Leftovers.bystander(docker, name, labels, network);
        bystanders.add(id);
        return id;
    }

    private String anonymousVolumeOf(String containerId) {
        InspectContainerResponse info = docker.inspectContainerCmd(containerId).exec();
        return info.getMounts().stream().filter(m -> "/scratch".equals(m.getDestination().getPath()))
                .findFirst().orElseThrow().getName();
    }

    static Map<String, String> runLabels(RunContext run) {
        return Map.of(ManagedLabels.OWNER, run.ownerId(), ManagedLabels.RUN, run.runId());
    }
}
