package io.jenkins.plugins.dockerci.benchmarks;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.cleanup.Cleaner;
import io.jenkins.plugins.dockerci.engine.cleanup.CleanupPolicy;
import io.jenkins.plugins.dockerci.engine.cleanup.CleanupReport;
import io.jenkins.plugins.dockerci.engine.cleanup.Leftovers;
import io.jenkins.plugins.dockerci.engine.cleanup.OrphanReaper;
import io.jenkins.plugins.dockerci.engine.cleanup.RunFixture;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceLedger;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One randomised soak run: create a network, three service containers (one with a named volume half of the time),
 * a built image and a tag, with one injected fault; clean up with the ledger (or, without one, by label); remove
 * whatever blocked cleanup; let the reaper finish; count what is left.
 */
final class SoakRun {

    /** What one run did. */
    record Result(SoakFault fault, int created, Duration cleanupTime, int failuresReported, int leftAfterCleanup,
                  int leftAtEnd, int anonymousVolumesLeft, boolean interruptKept) {
    }

    private final DockerClient docker;
    private final Cleaner cleaner;
    private final OrphanReaper reaper;
    private final String owner;
    private final Path ledgers;
    private final Random random;

    SoakRun(DockerClient docker, Cleaner cleaner, OrphanReaper reaper, String owner, Path ledgers, Random random) {
        this.docker = docker;
        this.cleaner = cleaner;
        this.reaper = reaper;
        this.owner = owner;
        this.ledgers = ledgers;
        this.random = random;
    }

    Result run(int index, SoakFault fault) {
        RunContext run = new RunContext(owner, "soak-" + index);
        ResourceLedger ledger = ResourceLedger.open(ledgers, run);
        ResourceTracker tracker = switch (fault) {
            case NO_LEDGER -> ResourceTracker.NONE;
            case LOST_CONFIRMATION -> dropOneConfirmation(ledger, random.nextInt(5));
            default -> ledger;
        };
        List<String> intruders = new ArrayList<>();
        List<String> anonymousVolumes = new ArrayList<>();
        int created = create(run, tracker, fault, intruders, anonymousVolumes);

        AtomicBoolean interruptKept = new AtomicBoolean(true);
        CleanupReport report = fault == SoakFault.INTERRUPTED ? cleanUnderInterrupts(ledger, interruptKept)
                : fault == SoakFault.NO_LEDGER ? reaper.reapRun(run)
                : cleaner.cleanup(ledger, CleanupPolicy.REMOVE_ALL);
        int leftAfterCleanup = Leftovers.of(docker, run).size();

        intruders.forEach(id -> Leftovers.removeContainer(docker, id));
        reaper.reap(owner, runId -> false, Duration.ZERO);
        return new Result(fault, created, report.took(), report.failed().size(), leftAfterCleanup,
                Leftovers.of(docker, run).size(), (int) anonymousVolumes.stream().filter(v -> Leftovers.volumeExists(docker, v)).count(),
                interruptKept.get());
    }

    private int create(RunContext run, ResourceTracker tracker, SoakFault fault, List<String> intruders,
                       List<String> anonymousVolumes) {
        RunFixture fixture = new RunFixture(new EngineContext(docker, run, tracker));
        boolean withVolume = random.nextBoolean();
        int planned = withVolume ? 7 : 6;
        // a run that fails half-way creates at least its network and stops before the last resource
        int budget = fault == SoakFault.FAILED_MID_RUN ? 1 + random.nextInt(planned - 1) : planned;
        String name = "dci-soak-" + run.runId() + "-" + Long.toHexString(random.nextLong() & 0xffffffL);
        String net = fixture.network(name + "-net");
        int left = budget - 1;
        String volume = null;
        if (withVolume && left > 0) {
            volume = fixture.volume(name + "-data");
            left--;
        }
        for (int i = 0; i < 3 && left > 0; i++, left--) {
            String id = fixture.container(name + "-svc" + i, net, i == 0 ? volume : null);
            // anonymous volumes carry no labels: check them by name afterwards (the most common leak, see landscape.md)
            docker.inspectContainerCmd(id).exec().getMounts().stream()
                    .filter(m -> m.getDestination() != null && "/scratch".equals(m.getDestination().getPath()))
                    .forEach(m -> anonymousVolumes.add(m.getName()));
        }
        String image = null;
        if (left > 0) {
            image = fixture.image(name + "-app:ci", false);
            left--;
        }
        if (image != null && left > 0) {
            fixture.tag(image, "127.0.0.1:5000/" + name + "-app:1");
            left--;
        }
        if (fault == SoakFault.CONTAINER_ALREADY_REMOVED) {
            docker.removeContainerCmd(name + "-svc1").withForce(true).withRemoveVolumes(true).exec();
        }
        if (fault == SoakFault.NETWORK_IN_USE) {
            intruders.add(Leftovers.bystander(docker, name + "-intruder", Map.of(), net));
        }
        if (fault == SoakFault.IMAGE_IN_USE && image != null) {
            // another owner's job runs our image; its labels override the ones it would inherit from the image
            intruders.add(Leftovers.bystander(docker, image, name + "-user", new RunContext("soak-intruder", run.runId()).labels(), null));
        }
        return budget - left;
    }

    private CleanupReport cleanUnderInterrupts(ResourceLedger ledger, AtomicBoolean interruptKept) {
        AtomicReference<CleanupReport> report = new AtomicReference<>();
        Thread cleaning = new Thread(() -> {
            report.set(cleaner.cleanup(ledger, CleanupPolicy.REMOVE_ALL));
            interruptKept.set(Thread.currentThread().isInterrupted());
        });
        cleaning.start();
        try {
            while (cleaning.isAlive()) {
                cleaning.interrupt();
                Thread.sleep(2);
            }
            cleaning.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the soak harness itself was interrupted", e);
        }
        return report.get();
    }

    // the process "died" after creating the n-th resource but before the ledger heard back
    private static ResourceTracker dropOneConfirmation(ResourceLedger ledger, int n) {
        return new ResourceTracker() {
            private int confirmations;

            @Override
            public void creating(ResourceKind kind, String name) {
                ledger.creating(kind, name);
            }

            @Override
            public void created(ResourceKind kind, String name, String id) {
                if (confirmations++ != n) {
                    ledger.created(kind, name, id);
                }
            }
        };
    }
}
