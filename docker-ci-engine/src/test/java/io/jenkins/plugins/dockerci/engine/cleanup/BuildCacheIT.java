package io.jenkins.plugins.dockerci.engine.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.jenkins.plugins.dockerci.engine.BuildAttribution;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.build.BuildRequest;
import io.jenkins.plugins.dockerci.engine.build.BuiltImage;
import io.jenkins.plugins.dockerci.engine.build.BuilderChoice;
import io.jenkins.plugins.dockerci.engine.build.ImageBuilder;
import io.jenkins.plugins.dockerci.engine.cleanup.RemovalOutcome.Status;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceLedger;
import io.jenkins.plugins.dockerci.engine.push.ImagePublisher;
import io.jenkins.plugins.dockerci.engine.push.PushRequest;
import io.jenkins.plugins.dockerci.engine.push.RetryPolicy;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import io.jenkins.plugins.dockerci.engine.testsupport.TestEnvironment;
import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build cache against the real engine: a run's cleanup keeps what it built as cache (so the next build of the
 * same project is fully cached) and still removes everything that is its own; two runs of the same Dockerfile at
 * once never take the image from each other; the policy bounds the cache and never touches what others use.
 */
class BuildCacheIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    private static final Pattern LAYER = Pattern.compile(" ---> ([0-9a-f]{12})");
    private static final CleanupPolicy NO_CACHE = CleanupPolicy.REMOVE_ALL.withBuildCache(BuildCachePolicy.NONE);

    @TempDir
    Path context;
    @TempDir
    Path ledgers;

    private final List<String> people = new ArrayList<>();
    private DockerClient docker;
    private Cleaner cleaner;

    @BeforeEach
    void setUp() throws IOException {
        docker = DOCKER.client();
        cleaner = Cleaner.open(DOCKER.endpoint(), Duration.ofSeconds(30), LogSink.NONE);
        // a step that takes a while and a layer no other test has: what a dependency install stands for
        Files.writeString(context.resolve("Dockerfile"), "FROM " + TestImages.BUSYBOX + "\n"
                + "RUN echo " + UUID.randomUUID() + " > /deps && sleep 1\nCOPY app.txt /app.txt\n", StandardCharsets.UTF_8);
        Files.writeString(context.resolve("app.txt"), "v1\n");
    }

    @AfterEach
    void tearDown() throws IOException {
        people.forEach(reference -> quietly(() -> docker.removeImageCmd(reference).exec()));
        DOCKER.removeCache();
        cleaner.close();
    }

    @Test
    void theSecondRunOfAnUnchangedProjectIsFullyCachedAndEachRunRemovesWhatIsItsOwn() {
        Run first = new Run();
        BuiltImage built = first.build();
        CleanupReport firstCleanup = cleaner.cleanup(first.ledger, CleanupPolicy.REMOVE_ALL);

        assertThat(firstCleanup.cached()).singleElement().satisfies(o -> assertThat(o.id()).isEqualTo(built.imageId()));
        assertThat(firstCleanup.failed()).isEmpty();
        assertThat(tagsOf(built.imageId())).as("only the cache tag is left")
                .containsExactly(BuildAttribution.cacheTag(DOCKER.ownerId(), built.imageId()));
        assertThat(Leftovers.of(docker, first.run)).isEmpty();

        Run second = new Run();
        BuiltImage rebuilt = second.build();

        assertThat(rebuilt.imageId()).isEqualTo(built.imageId());
        long steps = second.log.stream().filter(line -> line.matches("Step \\d+/\\d+ : .*")).count();
        assertThat(second.log.stream().filter(" ---> Using cache"::equals).count()).as("every step after FROM is cached: %s", second.log)
                .isEqualTo(steps - 1);
        assertThat(cleaner.cleanup(second.ledger, CleanupPolicy.REMOVE_ALL).cached()).hasSize(1);
        assertThat(tagsOf(built.imageId())).containsExactly(BuildAttribution.cacheTag(DOCKER.ownerId(), built.imageId()));
    }

    @Test
    void withoutCacheAClassicMultiStageBuildLeavesNoImageOfItsOtherStagesBehind() throws IOException {
        multiStage();
        Run run = new Run();
        BuiltImage built = run.build();
        List<String> committed = run.committedLayers();
        assertThat(committed).as("the build committed images outside the built image's chain: the other stages")
                .anyMatch(layer -> !isAncestorOf(layer, built.imageId()));

        CleanupReport report = cleaner.cleanup(run.ledger, NO_CACHE);

        assertThat(report.failed()).isEmpty();
        assertGone(built.imageId());
        committed.forEach(this::assertGone);
    }

    @Test
    void withCacheTheOtherStagesOfAClassicMultiStageBuildAreKeptAsCacheSoTheNextRunIsFullyCached() throws IOException {
        multiStage();
        Run first = new Run();
        BuiltImage built = first.build();
        List<String> committed = first.committedLayers();

        CleanupReport cleanup = cleaner.cleanup(first.ledger, CleanupPolicy.REMOVE_ALL);

        assertThat(cleanup.failed()).isEmpty();
        assertThat(cleanup.cached()).as("the built image and the last image of each of the two other stages").hasSize(3);
        List<String> heads = DOCKER.cacheTags();
        assertThat(committed).as("every image the build committed is a cache image or below one, none is dangling")
                .allMatch(layer -> heads.stream().anyMatch(tag -> isAncestorOf(layer, docker.inspectImageCmd(tag).exec().getId())));

        Run second = new Run();
        assertThat(second.build().imageId()).isEqualTo(built.imageId());
        assertThat(second.log).as("no step of any stage ran again").noneMatch(line -> line.startsWith(" ---> Running in "));
        assertThat(cleaner.cleanup(second.ledger, CleanupPolicy.REMOVE_ALL).failed()).isEmpty();
    }

    @Test
    void withoutCacheTheRunsImageAndItsOwnLayersGoButTheBaseStays() {
        Run run = new Run();
        BuiltImage built = run.build();

        CleanupReport report = cleaner.cleanup(run.ledger, NO_CACHE);

        assertThat(report.removed()).extracting(RemovalOutcome::kind).contains(ResourceKind.IMAGE, ResourceKind.TAG);
        assertThat(report.cached()).isEmpty();
        assertGone(built.imageId());
        run.committedLayers().forEach(this::assertGone);
        assertThat(docker.inspectImageCmd(TestImages.BUSYBOX).exec().getId()).isNotBlank();
    }

    @Test
    void twoConcurrentRunsOfTheSameDockerfileNeverTakeTheImageFromEachOther() throws Exception {
        Run warmUp = new Run();
        warmUp.build();
        cleaner.cleanup(warmUp.ledger, CleanupPolicy.REMOVE_ALL);

        Run a = new Run();
        Run b = new Run();
        CompletableFuture<BuiltImage> buildA = CompletableFuture.supplyAsync(a::build);
        CompletableFuture<BuiltImage> buildB = CompletableFuture.supplyAsync(b::build);
        String image = buildA.get().imageId();
        assertThat(buildB.get().imageId()).as("both fully cached: one image").isEqualTo(image);

        // a's cleanup, without cache, while b still uses the image
        CleanupReport aCleanup = cleaner.cleanup(a.ledger, NO_CACHE);

        assertThat(aCleanup.failed()).isEmpty();
        assertThat(aCleanup.outcomes()).filteredOn(o -> o.kind() == ResourceKind.IMAGE && o.name().equals(a.tag))
                .singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(Status.KEPT));
        assertThat(tagsOf(image)).contains(b.tag, BuildAttribution.runTag(b.run)).doesNotContain(a.tag, BuildAttribution.runTag(a.run));
        String container = docker.createContainerCmd(image).withCmd("cat", "/app.txt").exec().getId();
        docker.removeContainerCmd(container).exec();

        CleanupReport bCleanup = cleaner.cleanup(b.ledger, NO_CACHE);

        assertThat(bCleanup.failed()).isEmpty();
        assertGone(image);
    }

    @Test
    void theCacheTrimNeverRemovesALayerAPersonsImageUses() throws Exception {
        Run run = new Run();
        BuiltImage built = run.build();
        cleaner.cleanup(run.ledger, CleanupPolicy.REMOVE_ALL);
        // a person builds the same Dockerfile with a plain docker build: no labels, our cached layers reused
        String theirs = personBuilds(DOCKER.uniqueName("person") + ":1");

        BuildCacheReport report = cleaner.trimBuildCache(DOCKER.ownerId(), BuildCachePolicy.NONE, false);

        assertThat(report.toPrune()).extracting(CachedImage::id).containsExactly(built.imageId());
        assertThat(report.failed()).isEmpty();
        assertGone(built.imageId());
        assertThat(docker.inspectImageCmd(theirs).exec().getId()).as("the person's image").isEqualTo(theirs);
        run.committedLayers().stream().filter(layer -> theirs.substring(7).startsWith(layer) || isAncestorOf(layer, theirs))
                .forEach(layer -> assertThat(docker.inspectImageCmd(layer).exec()).as("layer %s under the person's image", layer).isNotNull());
    }

    @Test
    void aCacheImageAPersonTaggedOnlyLosesItsCacheTag() {
        Run run = new Run();
        BuiltImage built = run.build();
        cleaner.cleanup(run.ledger, CleanupPolicy.REMOVE_ALL);
        String theirTag = DOCKER.uniqueName("person") + ":mine";
        docker.tagImageCmd(built.imageId(), theirTag.split(":")[0], "mine").exec();
        people.add(theirTag);

        BuildCacheReport report = cleaner.trimBuildCache(DOCKER.ownerId(), BuildCachePolicy.NONE, false);

        assertThat(report.failed()).isEmpty();
        assertThat(tagsOf(built.imageId())).containsExactly(theirTag);
    }

    @Test
    void anImageAnotherOwnerKeepsAsCacheBecomesThisOwnersCacheTooAndEachOwnerTakesOnlyItsOwnTag() {
        Run first = new Run();
        String image = first.build().imageId();
        cleaner.cleanup(first.ledger, CleanupPolicy.REMOVE_ALL);
        // as if another Jenkins (or the command line) on this engine had built it first and kept it as its cache
        String otherOwnersTag = BuildAttribution.cacheTag("other-owner-" + UUID.randomUUID(), image);
        docker.tagImageCmd(image, otherOwnersTag.substring(0, otherOwnersTag.lastIndexOf(':')),
                otherOwnersTag.substring(otherOwnersTag.lastIndexOf(':') + 1)).exec();
        people.add(otherOwnersTag);
        docker.removeImageCmd(BuildAttribution.cacheTag(DOCKER.ownerId(), image)).withNoPrune(true).exec();

        Run second = new Run();
        assertThat(second.build().imageId()).isEqualTo(image);
        CleanupReport cached = cleaner.cleanup(second.ledger, CleanupPolicy.REMOVE_ALL);

        assertThat(cached.cached()).singleElement().satisfies(o -> assertThat(o.id()).isEqualTo(image));
        assertThat(tagsOf(image)).containsExactlyInAnyOrder(otherOwnersTag, BuildAttribution.cacheTag(DOCKER.ownerId(), image));

        Run third = new Run();
        third.build();
        CleanupReport uncached = cleaner.cleanup(third.ledger, NO_CACHE);

        assertThat(uncached.failed()).isEmpty();
        assertThat(uncached.outcomes()).filteredOn(o -> o.kind() == ResourceKind.IMAGE && o.id() != null && o.id().equals(image))
                .singleElement().satisfies(o -> assertThat(o.detail()).isEqualTo("another owner keeps it as build cache: " + otherOwnersTag));
        assertThat(tagsOf(image)).as("only this owner's names went").containsExactly(otherOwnersTag);
    }

    @Test
    void theTrimPrunesCacheUnusedForTooLongAndOverBudgetLeastRecentlyUsedFirst() throws IOException {
        Run older = new Run();
        BuiltImage olderImage = older.build();
        cleaner.cleanup(older.ledger, CleanupPolicy.REMOVE_ALL);
        Files.writeString(context.resolve("app.txt"), "v2, a little larger than v1\n");
        Run newer = new Run();
        BuiltImage newerImage = newer.build();
        cleaner.cleanup(newer.ledger, CleanupPolicy.REMOVE_ALL);
        BuildCache cache = new BuildCache(docker);
        Instant now = Clock.systemUTC().instant();

        BuildCacheReport fresh = cache.trim(DOCKER.ownerId(), new BuildCachePolicy(Duration.ofDays(1), 1), now, true);
        assertThat(fresh.toPrune()).as("used within minutes: never pruned for size").isEmpty();
        assertThat(fresh.kept()).extracting(CachedImage::id).containsExactlyInAnyOrder(olderImage.imageId(), newerImage.imageId());
        assertThat(fresh.keptBytes()).as("the RUN layer counts once").isLessThan(
                fresh.kept().stream().mapToLong(CachedImage::bytes).sum());

        long newerBytes = fresh.kept().stream().filter(i -> i.id().equals(newerImage.imageId())).findFirst().orElseThrow().bytes();
        BuildCacheReport overBudget = cache.trim(DOCKER.ownerId(), new BuildCachePolicy(Duration.ofDays(1), newerBytes),
                now.plus(Duration.ofHours(1)), false);
        assertThat(overBudget.toPrune()).extracting(CachedImage::id).containsExactly(olderImage.imageId());
        assertThat(overBudget.failed()).isEmpty();
        assertGone(olderImage.imageId());
        assertThat(docker.inspectImageCmd(newerImage.imageId()).exec()).isNotNull();

        BuildCacheReport stale = cache.trim(DOCKER.ownerId(), BuildCachePolicy.DEFAULT, now.plus(Duration.ofDays(8)), false);
        assertThat(stale.toPrune()).singleElement().satisfies(i -> assertThat(i.reason()).startsWith("unused for"));
        assertGone(newerImage.imageId());
        newer.committedLayers().forEach(this::assertGone);
    }

    @Test
    void aPushedImageKeptAsCacheIsPrunedCompletelyDespiteItsDigestReferences() {
        Run run = new Run();
        BuiltImage built = run.build();
        run.push(built);
        assertThat(docker.inspectImageCmd(built.imageId()).exec().getRepoDigests()).as("the push recorded a digest").isNotEmpty();
        cleaner.cleanup(run.ledger, CleanupPolicy.REMOVE_ALL);

        BuildCacheReport report = cleaner.trimBuildCache(DOCKER.ownerId(), BuildCachePolicy.NONE, false);

        assertThat(report.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Status.REMOVED);
            assertThat(o.detail()).doesNotContain("only its cache tag went");
        });
        assertGone(built.imageId());
    }

    @Test
    void withoutCacheAPushedImageIsRemovedCompletely() {
        Run run = new Run();
        BuiltImage built = run.build();
        run.push(built);

        CleanupReport report = cleaner.cleanup(run.ledger, NO_CACHE);

        assertThat(report.failed()).isEmpty();
        assertGone(built.imageId());
    }

    @Test
    void theReaperKeepsAKilledRunsImageAsCacheAndWithItsLedgerRemovesItsTags() {
        Run killed = new Run();
        BuiltImage built = killed.build();
        // no cleanup: the process died; its ledger is still there

        OrphanReaper.Result result = new OrphanReaper(cleaner, CleanupPolicy.REMOVE_ALL, LogSink.NONE, Clock.systemUTC())
                .reapWithCache(DOCKER.ownerId(), runId -> false, Duration.ZERO,
                        runId -> runId.equals(killed.run.runId()) ? Optional.of(killed.ledger) : Optional.empty());

        assertThat(result.runs()).filteredOn(report -> report.run().equals(killed.run)).singleElement().satisfies(report -> {
            assertThat(report.cached()).singleElement().satisfies(o -> {
                assertThat(o.id()).isEqualTo(built.imageId());
                assertThat(o.detail()).contains(BuildAttribution.CACHE_REPOSITORY);
            });
        });
        assertThat(result.cache().kept()).extracting(CachedImage::id).contains(built.imageId());
        assertThat(tagsOf(built.imageId())).containsExactly(BuildAttribution.cacheTag(DOCKER.ownerId(), built.imageId()));
    }

    @Test
    void withoutItsLedgerTheReaperTakesOnlyTheRunTagAndLeavesTheRequestedTags() {
        Run killed = new Run();
        BuiltImage built = killed.build();
        people.add(killed.tag);

        OrphanReaper.Result result = new OrphanReaper(cleaner, CleanupPolicy.REMOVE_ALL, LogSink.NONE, Clock.systemUTC())
                .reapWithCache(DOCKER.ownerId(), runId -> false, Duration.ZERO);

        assertThat(result.runs()).filteredOn(report -> report.run().equals(killed.run)).singleElement()
                .satisfies(report -> assertThat(report.kept()).singleElement().satisfies(o ->
                        assertThat(o.detail()).contains("which this run did not add: " + killed.tag)));
        assertThat(tagsOf(built.imageId())).containsExactly(killed.tag);
    }

    private String personBuilds(String tag) throws Exception {
        ProcessBuilder command = new ProcessBuilder("docker", "build", "-q", "-t", tag, context.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        command.environment().put("DOCKER_BUILDKIT", "0");
        command.environment().put("DOCKER_HOST", DOCKER.endpoint().host());
        Process process = command.start();
        process.getOutputStream().close();
        String id = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor()).as("docker build: %s", id).isZero();
        people.add(tag);
        return docker.inspectImageCmd(tag).exec().getId();
    }

    private boolean isAncestorOf(String layer, String image) {
        for (String id = image; id != null && !id.isEmpty(); id = docker.inspectImageCmd(id).exec().getParent()) {
            if (id.substring(7).startsWith(layer)) {
                return true;
            }
        }
        return false;
    }

    /** Two stages the release does not descend from (one it copies from, one it does not use) and the release. */
    private void multiStage() throws IOException {
        String unique = UUID.randomUUID().toString();
        Files.writeString(context.resolve("Dockerfile"), "FROM " + TestImages.BUSYBOX + " AS tests\n"
                + "RUN echo testing " + unique + " > /report\n"
                + "FROM " + TestImages.BUSYBOX + " AS build\n"
                + "RUN echo compiled " + unique + " > /artifact\n"
                + "FROM " + TestImages.BUSYBOX + "\n"
                + "COPY --from=build /artifact /artifact\nCOPY app.txt /app.txt\n", StandardCharsets.UTF_8);
    }

    private List<String> tagsOf(String imageId) {
        List<String> tags = docker.inspectImageCmd(imageId).exec().getRepoTags();
        return tags == null ? List.of() : tags;
    }

    private void assertGone(String imageId) {
        assertThatThrownBy(() -> docker.inspectImageCmd(imageId).exec()).as("image %s", imageId).isInstanceOf(NotFoundException.class);
    }

    private static void quietly(Runnable removal) {
        try {
            removal.run();
        } catch (RuntimeException gone) {
            // removed already
        }
    }

    /** One run of the same project: its ledger, a tag of its own, and its build log. */
    private final class Run {
        final RunContext run = DOCKER.newRun();
        final ResourceLedger ledger = ResourceLedger.open(ledgers, run);
        final String tag = DOCKER.uniqueName("app") + ":ci";
        final List<String> log = new CopyOnWriteArrayList<>();

        BuiltImage build() {
            // the classic builder's layer cache is what the cache tag keeps (BuildKit keeps a cache of its own)
            return new ImageBuilder(new EngineContext(docker, run, ledger))
                    .build(BuildRequest.builder(context).tag(tag).builder(BuilderChoice.CLASSIC).build(), (kind, text) -> log.add(text));
        }

        /** Pushes the image to the anonymous registry, recorded in the run's ledger as the engine's push does. */
        void push(BuiltImage built) {
            new ImagePublisher(new EngineContext(docker, run, ledger)).push(PushRequest.builder(built.imageId())
                    .target(TestEnvironment.current().anonymousRegistry() + "/ci/" + DOCKER.uniqueName("pushed") + ":1")
                    .retry(RetryPolicy.NONE).build(), LogSink.NONE);
        }

        /** The layers the build committed itself (not cache hits, not the base). */
        List<String> committedLayers() {
            List<String> layers = new ArrayList<>();
            String base = docker.inspectImageCmd(TestImages.BUSYBOX).exec().getId().substring(7, 19);
            for (int i = 1; i < log.size(); i++) {
                Matcher layer = LAYER.matcher(log.get(i));
                if (layer.matches() && !layer.group(1).equals(base) && !log.get(i - 1).equals(" ---> Using cache")) {
                    layers.add(layer.group(1));
                }
            }
            return layers;
        }
    }
}
