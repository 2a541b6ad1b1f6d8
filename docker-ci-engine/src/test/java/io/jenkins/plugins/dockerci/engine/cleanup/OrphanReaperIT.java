package io.jenkins.plugins.dockerci.engine.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OrphanReaperIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<String> bystanders = new ArrayList<>();
    private DockerClient docker;
    private Cleaner cleaner;

    @BeforeEach
    void openCleaner() {
        docker = DOCKER.client();
        cleaner = Cleaner.open(DOCKER.endpoint(), Duration.ofSeconds(20), LogSink.NONE);
    }

    @AfterEach
    void removeBystanders() throws IOException {
        bystanders.forEach(id -> Leftovers.removeContainer(docker, id));
        cleaner.close();
    }

    @Test
    void reapsFinishedRunsOfItsOwnerAndNothingElse() {
        RunContext finished = DOCKER.newRun();
        RunContext active = DOCKER.newRun();
        createRun(finished, true);
        createRun(active, false);
        String unlabelled = bystander(Map.of());
        String otherOwnersSameRunId = bystander(new RunContext("other-" + DOCKER.uniqueName("o"), finished.runId()).labels());

        List<CleanupReport> reports = reaper(CleanupPolicy.REMOVE_ALL, Clock.systemUTC())
                .reap(DOCKER.ownerId(), runId -> runId.equals(active.runId()), Duration.ZERO);

        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.run()).isEqualTo(finished);
            assertThat(r.isClean()).isTrue();
            assertThat(r.removed()).extracting(RemovalOutcome::kind)
                    .containsExactly(ResourceKind.CONTAINER, ResourceKind.CONTAINER, ResourceKind.NETWORK, ResourceKind.IMAGE);
        });
        assertThat(Leftovers.of(docker, finished)).isEmpty();
        assertThat(Leftovers.of(docker, active)).hasSize(2);
        assertThat(Leftovers.containerExists(docker, unlabelled)).isTrue();
        assertThat(Leftovers.containerExists(docker, otherOwnersSameRunId)).isTrue();

        reaper(CleanupPolicy.REMOVE_ALL, Clock.systemUTC()).reapRun(active);
        assertThat(Leftovers.of(docker, active)).isEmpty();
    }

    @Test
    void aRunWhoseNewestResourceIsWithinTheGracePeriodIsLeftAlone() {
        RunContext young = DOCKER.newRun();
        createRun(young, false);
        Duration grace = Duration.ofMinutes(10);

        assertThat(reaper(CleanupPolicy.REMOVE_ALL, Clock.systemUTC()).reap(DOCKER.ownerId(), runId -> false, grace)).isEmpty();
        assertThat(Leftovers.of(docker, young)).hasSize(2);

        Clock later = Clock.offset(Clock.systemUTC(), grace.plusMinutes(1));
        assertThat(reaper(CleanupPolicy.REMOVE_ALL, later).dryRun(DOCKER.ownerId(), runId -> false, grace))
                .extracting(LabelledResource::kind).containsExactlyInAnyOrder(ResourceKind.CONTAINER, ResourceKind.NETWORK);
        reaper(CleanupPolicy.REMOVE_ALL, later).reap(DOCKER.ownerId(), runId -> false, grace);
        assertThat(Leftovers.of(docker, young)).isEmpty();
    }

    @Test
    void dryRunListsOrphansWithoutRemovingThem() {
        RunContext orphan = DOCKER.newRun();
        createRun(orphan, false);

        List<LabelledResource> listed = reaper(CleanupPolicy.REMOVE_ALL, Clock.systemUTC())
                .dryRun(DOCKER.ownerId(), runId -> false, Duration.ZERO);

        assertThat(listed).allSatisfy(r -> {
            assertThat(r.runId()).isEqualTo(orphan.runId());
            assertThat(r.ownerId()).isEqualTo(DOCKER.ownerId());
        }).hasSize(2);
        assertThat(Leftovers.of(docker, orphan)).hasSize(2);
        reaper(CleanupPolicy.REMOVE_ALL, Clock.systemUTC()).reapRun(orphan);
        assertThat(Leftovers.of(docker, orphan)).isEmpty();
    }

    @Test
    void whenItCannotTellWhetherARunIsActiveItLeavesTheRunAlone() {
        RunContext unknown = DOCKER.newRun();
        createRun(unknown, false);

        List<CleanupReport> reports = reaper(CleanupPolicy.REMOVE_ALL, Clock.systemUTC()).reap(DOCKER.ownerId(), runId -> {
            throw new IllegalStateException("Jenkins is restarting");
        }, Duration.ZERO);

        assertThat(reports).isEmpty();
        assertThat(Leftovers.of(docker, unknown)).hasSize(2);
        assertThat(log).anySatisfy(line -> assertThat(line).contains("cannot tell whether run " + unknown.runId())
                .contains("left alone"));
        reaper(CleanupPolicy.REMOVE_ALL, Clock.systemUTC()).reapRun(unknown);
    }

    @Test
    void keepImagesPolicyReapsContainersAndNetworksButKeepsBuiltImages() {
        RunContext orphan = DOCKER.newRun();
        createRun(orphan, true);

        reaper(CleanupPolicy.KEEP_IMAGES, Clock.systemUTC()).reap(DOCKER.ownerId(), runId -> false, Duration.ZERO);

        assertThat(Leftovers.of(docker, orphan)).isNotEmpty().allSatisfy(left -> assertThat(left).startsWith("image "));
        reaper(CleanupPolicy.REMOVE_ALL, Clock.systemUTC()).reapRun(orphan);
        assertThat(Leftovers.of(docker, orphan)).isEmpty();
    }

    // a run that died without a ledger: only the labels lead to its resources
    private void createRun(RunContext run, boolean withImageAndSecondContainer) {
        RunFixture fixture = new RunFixture(new EngineContext(docker, run, ResourceTracker.NONE));
        String net = fixture.network(DOCKER.uniqueName("net"));
        fixture.container(DOCKER.uniqueName("db"), net, null);
        if (withImageAndSecondContainer) {
            fixture.container(DOCKER.uniqueName("web"), net, null);
            fixture.image(DOCKER.uniqueName("app") + ":ci", false);
        }
    }

    @Test
    void removesDanglingLayersOfAKilledBuildButNeverAnotherOwnersNorOnesWithoutOwner() throws IOException {
        String partial = danglingImage("LABEL io.jenkins.dockerci.created=1 io.jenkins.dockerci.managed=true"
                + " io.jenkins.dockerci.owner=" + DOCKER.ownerId());
        String othersPartial = danglingImage("LABEL io.jenkins.dockerci.owner=someone-else io.jenkins.dockerci.created=1");
        // perhaps someone's build between two label steps right now
        String ownerless = danglingImage("LABEL io.jenkins.dockerci.created=1 io.jenkins.dockerci.managed=true");
        try {
            reaper(CleanupPolicy.REMOVE_ALL, Clock.systemUTC()).reap(DOCKER.ownerId(), runId -> false, Duration.ZERO);

            assertThat(imageExists(partial)).isFalse();
            assertThat(imageExists(othersPartial)).isTrue();
            assertThat(imageExists(ownerless)).isTrue();
        } finally {
            for (String image : List.of(partial, othersPartial, ownerless)) {
                if (imageExists(image)) {
                    docker.removeImageCmd(image).exec();
                }
            }
        }
    }

    // an untagged image as a build killed during its label steps leaves it
    private String danglingImage(String labelStep) throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
            byte[] dockerfile = ("FROM " + TestImages.BUSYBOX + "\n" + labelStep + "\n").getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry("Dockerfile");
            entry.setSize(dockerfile.length);
            out.putArchiveEntry(entry);
            out.write(dockerfile);
            out.closeArchiveEntry();
        }
        String shortId = docker.buildImageCmd(new ByteArrayInputStream(tar.toByteArray())).withNoCache(true).withForcerm(true)
                .exec(new BuildImageResultCallback()).awaitImageId(2, TimeUnit.MINUTES);
        return docker.inspectImageCmd(shortId).exec().getId();
    }

    private boolean imageExists(String id) {
        return docker.listImagesCmd().withShowAll(true).exec().stream().anyMatch(i -> i.getId().equals(id));
    }

    private OrphanReaper reaper(CleanupPolicy policy, Clock clock) {
        return new OrphanReaper(cleaner, policy, (kind, text) -> log.add(kind + " " + text), clock.withZone(ZoneOffset.UTC));
    }

    private String bystander(Map<String, String> labels) {
        String id = Leftovers.bystander(docker, DOCKER.uniqueName("bystander"), labels, null);
        bystanders.add(id);
        return id;
    }
}
