package io.jenkins.plugins.dockerci.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.RunContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceLedgerTest {

    private static final RunContext RUN = new RunContext("owner-1", "run-42");

    @TempDir
    Path dir;

    @Test
    void intentIsOnDiskBeforeTheCreateCallAndReadableByAnotherReader() {
        ResourceLedger ledger = ResourceLedger.open(dir, RUN);

        ledger.creating(ResourceKind.NETWORK, "dci-net");

        // what a process that starts after a kill -9 at this point would see
        ResourceLedger afterCrash = ResourceLedger.read(ResourceLedger.fileFor(dir, "run-42"));
        assertThat(afterCrash.run()).isEqualTo(RUN);
        assertThat(afterCrash.entries()).containsExactly(LedgerEntry.intent(ResourceKind.NETWORK, "dci-net"));
        assertThat(afterCrash.entries().get(0).confirmed()).isFalse();
    }

    @Test
    void confirmationAddsTheIdToTheLatestIntentKeepingCreationOrder() {
        ResourceLedger ledger = ResourceLedger.open(dir, RUN);
        ledger.creating(ResourceKind.NETWORK, "net");
        ledger.created(ResourceKind.NETWORK, "net", "n1");
        ledger.creating(ResourceKind.CONTAINER, "db");
        ledger.creating(ResourceKind.CONTAINER, "web");
        ledger.created(ResourceKind.CONTAINER, "web", "c2");

        assertThat(ResourceLedger.read(ledger.file()).entries()).containsExactly(
                new LedgerEntry(ResourceKind.NETWORK, "net", "n1"),
                LedgerEntry.intent(ResourceKind.CONTAINER, "db"),
                new LedgerEntry(ResourceKind.CONTAINER, "web", "c2"));
    }

    @Test
    void creationWithoutIntentIsStillRecorded() {
        ResourceLedger ledger = ResourceLedger.open(dir, RUN);

        ledger.created(ResourceKind.TAG, "127.0.0.1:5000/app:1", "sha256:abc");

        assertThat(ResourceLedger.read(ledger.file()).entries())
                .containsExactly(new LedgerEntry(ResourceKind.TAG, "127.0.0.1:5000/app:1", "sha256:abc"));
    }

    @Test
    void pushedReferencesSurviveAReread() {
        ResourceLedger ledger = ResourceLedger.open(dir, RUN);
        ledger.markPushed("127.0.0.1:5000/app:1");
        ledger.pushed("127.0.0.1:5000/app:1");

        assertThat(ResourceLedger.read(ledger.file()).pushedReferences()).containsExactly("127.0.0.1:5000/app:1");
    }

    @Test
    void openingAgainResumesTheExistingLedger() {
        ResourceLedger.open(dir, RUN).creating(ResourceKind.VOLUME, "data");

        ResourceLedger resumed = ResourceLedger.open(dir, RUN);
        resumed.created(ResourceKind.VOLUME, "data", "data");

        assertThat(ResourceLedger.read(resumed.file()).entries()).containsExactly(new LedgerEntry(ResourceKind.VOLUME, "data", "data"));
    }

    @Test
    void openingALedgerOfAnotherOwnerUnderTheSameRunIdIsRefused() {
        ResourceLedger.open(dir, RUN);

        assertThatThrownBy(() -> ResourceLedger.open(dir, new RunContext("owner-2", "run-42")))
                .isInstanceOf(DockerCiException.class)
                .hasMessageContaining("belongs to run 'run-42' of owner 'owner-1'")
                .hasMessageContaining("own ledger directory");
    }

    @Test
    void writesLeaveNoTemporaryFileBehind() throws IOException {
        ResourceLedger ledger = ResourceLedger.open(dir, RUN);
        ledger.creating(ResourceKind.CONTAINER, "c");

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("docker-ci-ledger-run-42.json");
        }
    }

    @Test
    void concurrentRecordingLosesNothing() throws Exception {
        ResourceLedger ledger = ResourceLedger.open(dir, RUN);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < 20; i++) {
                    String name = "c-" + thread + "-" + i;
                    ledger.creating(ResourceKind.CONTAINER, name);
                    ledger.created(ResourceKind.CONTAINER, name, "id-" + name);
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        List<LedgerEntry> entries = ResourceLedger.read(ledger.file()).entries();
        assertThat(entries).hasSize(120).allMatch(LedgerEntry::confirmed).allMatch(e -> e.id().equals("id-" + e.name()));
    }

    @Test
    void aFileThatIsNotALedgerGivesAnErrorNamingItAndTheWayOut() throws IOException {
        Path file = dir.resolve("docker-ci-ledger-x.json");
        Files.writeString(file, "{ not json", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ResourceLedger.read(file))
                .isInstanceOf(DockerCiException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("orphan reaper");
    }

    @Test
    void aMissingFileGivesAnErrorNamingIt() {
        Path file = dir.resolve("nope.json");

        assertThatThrownBy(() -> ResourceLedger.read(file))
                .isInstanceOf(DockerCiException.class)
                .hasMessageContaining(file + " does not exist");
    }

    @Test
    void anUnwritableDirectoryFailsBeforeAnythingIsCreated() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");

        assertThatThrownBy(() -> ResourceLedger.open(notADirectory, RUN))
                .isInstanceOf(DockerCiException.class)
                .hasMessageContaining("Cannot write the resource ledger")
                .hasMessageContaining("writable");
    }

    @Test
    void blankNamesAreRejected() {
        ResourceLedger ledger = ResourceLedger.open(dir, RUN);

        assertThatThrownBy(() -> ledger.creating(ResourceKind.CONTAINER, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CONTAINER's name");
    }

    @Test
    void aPendingInterruptDoesNotStopTheWriteAndStaysSet() {
        ResourceLedger ledger = ResourceLedger.open(dir, RUN);
        ledger.creating(ResourceKind.CONTAINER, "db");

        Thread.currentThread().interrupt();
        try {
            ledger.created(ResourceKind.CONTAINER, "db", "c1");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }

        assertThat(ResourceLedger.read(ledger.file()).entries())
                .containsExactly(new LedgerEntry(ResourceKind.CONTAINER, "db", "c1"));
    }
}
