package io.jenkins.plugins.dockerci.engine.cleanup.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.jenkins.plugins.dockerci.engine.BuildAttribution;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.build.BuiltImage;
import io.jenkins.plugins.dockerci.engine.build.ImageBuilder;
import io.jenkins.plugins.dockerci.engine.cleanup.Cleaner;
import io.jenkins.plugins.dockerci.engine.cleanup.CleanupPolicy;
import io.jenkins.plugins.dockerci.engine.cleanup.Leftovers;
import io.jenkins.plugins.dockerci.engine.cleanup.RemovalOutcome;
import io.jenkins.plugins.dockerci.engine.cleanup.faults.FaultCase.Outcome;
import io.jenkins.plugins.dockerci.engine.cleanup.faults.FaultCase.Step;
import io.jenkins.plugins.dockerci.engine.cleanup.faults.StepInterrupter.Landed;
import io.jenkins.plugins.dockerci.engine.ledger.LedgerEntry;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import io.jenkins.plugins.dockerci.engine.push.ImagePublisher;
import io.jenkins.plugins.dockerci.engine.push.PushRequest;
import io.jenkins.plugins.dockerci.engine.push.PushResult;
import io.jenkins.plugins.dockerci.engine.push.RegistryAuthenticationException;
import io.jenkins.plugins.dockerci.engine.registry.RegistryCredentials;
import io.jenkins.plugins.dockerci.engine.push.RetryPolicy;
import io.jenkins.plugins.dockerci.engine.services.ContainerCommand;
import io.jenkins.plugins.dockerci.engine.services.ServiceSpec;
import io.jenkins.plugins.dockerci.engine.services.ServiceStartException;
import io.jenkins.plugins.dockerci.engine.services.wait.Wait;
import io.jenkins.plugins.dockerci.engine.testrun.TestOutcome;
import io.jenkins.plugins.dockerci.engine.testrun.TestRunner;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import io.jenkins.plugins.dockerci.engine.testsupport.TestEnvironment;
import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unit-level fault-injection proof: each real step of the flow (build, test with services, push) is
 * interrupted from another thread at randomised points, and the flow meets failing tests, a readiness timeout, a
 * crashing service, a rejected create call, a missing image, a failing build and a refused push. After each case
 * {@code Cleaner.cleanup(ledger, REMOVE_ALL)} runs on the step's thread, as a caller would, and nothing labelled
 * with the run may remain (containers, networks, volumes, images, tags) but what it built, kept on purpose as build
 * cache under the owner's cache tag alone, nor the anonymous volumes of its
 * containers, while an unlabelled container and another owner's container with the same run id survive.
 *
 * <p>The points are chosen by a seeded {@link Random}: an event of the step (a log line or a tracker call, counted
 * in an undisturbed run of the same step) plus a delay. The seed is printed; replay with {@code -Dfaults.seed=N}.
 * {@code -Dfaults.points=N} sets how many points each step gets (default 3).
 */
class FlowFaultInjectionIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    private static final long SEED = Long.getLong("faults.seed", System.nanoTime());
    private static final int POINTS = Integer.getInteger("faults.points", 3);
    private static final int MAX_DELAY_MILLIS = 300;
    private static final TestEnvironment ENV = TestEnvironment.current();

    @TempDir
    static Path work;

    private static DockerClient docker;
    private static Cleaner cleaner;
    private static FaultCase cases;
    private static RunContext fixtureRun;
    private static String appImage;
    private static String unlabelled;

    @BeforeAll
    static void setUp() {
        System.out.println("FlowFaultInjectionIT seed " + SEED + " (replay with -Dfaults.seed=" + SEED + ")");
        docker = DOCKER.client();
        cleaner = Cleaner.open(DOCKER.endpoint(), Duration.ofSeconds(30), LogSink.NONE);
        cases = new FaultCase(DOCKER.endpoint(), docker, cleaner, work.resolve("ledgers"));
        unlabelled = Leftovers.bystander(docker, DOCKER.uniqueName("unlabelled"), Map.of(), null);
        // the image the test-step cases run: built once, under a run of its own that no case cleans up
        fixtureRun = DOCKER.newRun();
        appImage = new ImageBuilder(new EngineContext(docker, fixtureRun, ResourceTracker.NONE))
                .build(SampleApp.build(SampleApp.writeContext(work.resolve("fixture"), false, DOCKER.ownerId()), DOCKER.uniqueName("app") + ":fixture"),
                        LogSink.NONE).imageId();
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (unlabelled != null) {
            Leftovers.removeContainer(docker, unlabelled);
        }
        if (appImage != null) {
            // the fixture's own tag is not the run's to remove: cleanupRun only knows the run tag, not the ledger
            docker.removeImageCmd(appImage).withForce(true).exec();
        }
        if (cleaner != null) {
            cleaner.cleanupRun(fixtureRun, CleanupPolicy.REMOVE_ALL);
            cleaner.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> anInterruptedBuildLeavesNothing() {
        return interruptedAtRandomPoints("build", null, FlowFaultInjectionIT::build, result -> result instanceof BuiltImage);
    }

    @TestFactory
    Stream<DynamicTest> anInterruptedTestRunWithServicesLeavesNothing() {
        return interruptedAtRandomPoints("test", null, (ctx, log, input) -> testRun(ctx, log, appImage, 0),
                result -> result instanceof TestOutcome outcome && outcome.passed());
    }

    @TestFactory
    Stream<DynamicTest> anInterruptedPushLeavesNothing() {
        return interruptedAtRandomPoints("push", FlowFaultInjectionIT::build, FlowFaultInjectionIT::push,
                result -> result instanceof PushResult pushed && pushed.pushed().size() == 2);
    }

    @Test
    void failingTestsLeaveNothing() throws Exception {
        Outcome outcome = check(null, (ctx, log, input) -> testRun(ctx, log, appImage, 3));

        assertThat(outcome.result()).as(outcome.describe()).isInstanceOfSatisfying(TestOutcome.class,
                tests -> assertThat(tests.exitCode()).hasValue(3));
    }

    @Test
    void aServiceThatNeverBecomesReadyLeavesNothing() throws Exception {
        ServiceSpec silent = ServiceSpec.builder("silent", TestImages.BUSYBOX).expose(5432).startupTimeout(Duration.ofSeconds(3))
                .command(ContainerCommand.shell("exec sleep 600")).build();

        Outcome outcome = check(null, (ctx, log, input) -> testRunWithExtraService(ctx, log, silent));

        assertThat(outcome.failure()).as(outcome.describe()).isInstanceOf(ServiceStartException.class).hasMessageContaining("silent");
    }

    @Test
    void aServiceCrashingAtStartupLeavesNothing() throws Exception {
        ServiceSpec crashing = ServiceSpec.builder("crashing", TestImages.BUSYBOX).expose(5432)
                .command(ContainerCommand.shell("echo cannot start >&2; exit 7")).build();

        Outcome outcome = check(null, (ctx, log, input) -> testRunWithExtraService(ctx, log, crashing));

        assertThat(outcome.failure()).as(outcome.describe()).isInstanceOf(ServiceStartException.class).hasMessageContaining("crashing");
    }

    @Test
    void aCreateCallTheEngineRejectsLeavesNothing() throws Exception {
        // the daemon refuses this one create call ("Minimum memory limit allowed is 6MB"); the others succeed
        ServiceSpec rejected = ServiceSpec.builder("rejected", TestImages.BUSYBOX).dependsOn("queue")
                .command(ContainerCommand.shell("exec sleep 600")).waitingFor(Wait.forRunning())
                .createCmdModifier(create -> create.getHostConfig().withMemory(1L)).build();

        Outcome outcome = check(null, (ctx, log, input) -> testRunWithExtraService(ctx, log, rejected));

        assertThat(outcome.failure()).as(outcome.describe()).isInstanceOf(DockerCiException.class).hasMessageContaining("rejected");
        assertThat(outcome.ledger().entries()).as("the three other services were created before the rejected call")
                .filteredOn(e -> e.kind() == ResourceKind.CONTAINER && e.confirmed()).hasSize(3);
    }

    @Test
    void aServiceImageTheRegistryDoesNotHaveLeavesNothing() throws Exception {
        ServiceSpec missing = ServiceSpec.builder("missing", ENV.anonymousRegistry() + "/ci/" + DOCKER.uniqueName("absent") + ":1")
                .waitingFor(Wait.forRunning()).build();

        Outcome outcome = check(null, (ctx, log, input) -> testRunWithExtraService(ctx, log, missing));

        assertThat(outcome.failure()).as(outcome.describe()).isInstanceOf(DockerCiException.class);
    }

    @Test
    void aFailingBuildLeavesNothing() throws Exception {
        Outcome outcome = check(null, (ctx, log, input) -> new ImageBuilder(ctx).build(SampleApp.build(
                SampleApp.writeContext(work.resolve(ctx.run().runId()), true, ctx.run().runId()), DOCKER.uniqueName("app") + ":ci"), log));

        assertThat(outcome.failure()).as(outcome.describe()).isInstanceOf(DockerCiException.class).hasMessageContaining("3");
    }

    @Test
    void aPushTheRegistryRefusesLeavesNothing() throws Exception {
        Step withoutCredentials = (ctx, log, input) -> new ImagePublisher(ctx).push(PushRequest.builder(((BuiltImage) input).imageId())
                .target(ENV.anonymousRegistry() + "/ci/" + DOCKER.uniqueName("ok") + ":1")
                .target(ENV.authRegistry() + "/ci/" + DOCKER.uniqueName("refused") + ":1")
                .retry(RetryPolicy.NONE).build(), log);

        Outcome outcome = check(FlowFaultInjectionIT::build, withoutCredentials);

        assertThat(outcome.failure()).as(outcome.describe()).isInstanceOf(RegistryAuthenticationException.class);
        assertThat(outcome.ledger().entries()).as("both tags were added before the refused push")
                .filteredOn(e -> e.kind() == ResourceKind.TAG && e.name().contains("/ci/")).hasSize(2);
    }

    private Stream<DynamicTest> interruptedAtRandomPoints(String stepName, Step setup, Step step,
                                                          Predicate<Object> succeeded) {
        AtomicInteger eventsOfAnUndisturbedRun = new AtomicInteger(1);
        DynamicTest undisturbed = dynamicTest(stepName + " undisturbed (counts the events to choose points from)", () -> {
            Outcome outcome = check(setup, step, 0, Duration.ZERO);
            assertThat(outcome.result()).as(outcome.describe()).matches(succeeded);
            eventsOfAnUndisturbedRun.set(Math.max(1, outcome.events()));
        });
        Stream<DynamicTest> interrupted = IntStream.rangeClosed(1, POINTS).mapToObj(point -> dynamicTest(
                stepName + " interrupted at random point " + point, () -> {
                    Random random = new Random(SEED + 1_000_003L * stepName.hashCode() + point);
                    int atEvent = 1 + random.nextInt(eventsOfAnUndisturbedRun.get());
                    Duration delay = Duration.ofMillis(random.nextInt(MAX_DELAY_MILLIS + 1));
                    Outcome outcome = check(setup, step, atEvent, delay);
                    if (outcome.landed() == Landed.IN_STEP) {
                        assertThat(outcome.flagAfterStep()).as("the step kept the interrupt flag: " + outcome.describe()).isTrue();
                    }
                }));
        return Stream.concat(Stream.of(undisturbed), interrupted);
    }

    private Outcome check(Step setup, Step step) throws InterruptedException {
        return check(setup, step, 0, Duration.ZERO);
    }

    /** Runs one case beside another owner's container that carries the same run id, and checks what is left. */
    private Outcome check(Step setup, Step step, int atEvent, Duration delay) throws InterruptedException {
        RunContext run = DOCKER.newRun();
        String theirs = Leftovers.bystander(docker, DOCKER.uniqueName("theirs"),
                new RunContext("other-" + DOCKER.uniqueName("owner"), run.runId()).labels(), null);
        Set<String> imagesBefore = ownersImages();
        try {
            Outcome outcome = cases.run(run, setup, step, atEvent, delay);
            String where = "run " + run.runId() + ", " + outcome.describe() + " (seed " + SEED + ")";
            System.out.println(where);
            assertThat(outcome.failure()).as("a failed step says what to do: " + where)
                    .satisfiesAnyOf(f -> assertThat(f).isNull(), f -> assertThat(f).isInstanceOf(DockerCiException.class));
            assertThat(outcome.cleanup().failed()).as("cleanup failures, " + where).isEmpty();
            // what the run built may stay on purpose as build cache, under the owner's cache tag and nothing else
            assertThat(outcome.cleanup().cached()).as("kept as build cache, " + where).allSatisfy(cached ->
                    assertThat(docker.inspectImageCmd(cached.id()).exec().getRepoTags())
                            .containsExactly(BuildAttribution.cacheTag(DOCKER.ownerId(), cached.id())));
            DOCKER.removeCache();
            assertThat(Leftovers.runTagged(docker, DOCKER.ownerId())).as("images still tagged for a run, " + where)
                    .containsExactly(BuildAttribution.runTag(fixtureRun));
            assertThat(Leftovers.of(docker, run)).as("labelled leftovers, " + where).isEmpty();
            assertThat(imagesAndTagsStillThere(outcome)).as("recorded images and tags still there, " + where + "; kept: "
                    + outcome.cleanup().kept().stream().map(RemovalOutcome::describe).toList()).isEmpty();
            assertThat(outcome.witnessProblems()).as(where).isEmpty();
            // the classic builder applies each build label in a LABEL step of its own: an image committed mid-build
            // may carry some of the owner's labels and no run tag, where neither cleanup nor the reaper looks
            assertThat(ownersImages()).as("images of this owner that were not there before the case, " + where)
                    .isSubsetOf(imagesBefore);
            assertThat(outcome.anonymousVolumes()).as("anonymous volumes left, " + where)
                    .noneMatch(volume -> Leftovers.volumeExists(docker, volume));
            assertThat(Leftovers.containerExists(docker, unlabelled)).as("the unlabelled container, " + where).isTrue();
            assertThat(Leftovers.containerExists(docker, theirs)).as("another owner's container, " + where).isTrue();
            if (outcome.landed() != Landed.NOT_DELIVERED) {
                assertThat(outcome.flagAfterCleanup()).as("cleanup kept the interrupt flag: " + where).isTrue();
            }
            return outcome;
        } finally {
            Leftovers.removeContainer(docker, theirs);
        }
    }

    private static Set<String> ownersImages() {
        return docker.listImagesCmd().withShowAll(true).withLabelFilter(DOCKER.ownerFilter()).exec().stream()
                .map(image -> image.getId() + " " + image.getLabels()).collect(Collectors.toSet());
    }

    private static List<String> imagesAndTagsStillThere(Outcome outcome) {
        List<String> there = new ArrayList<>();
        for (LedgerEntry entry : outcome.ledger().entries()) {
            if (entry.kind() == ResourceKind.IMAGE || entry.kind() == ResourceKind.TAG) {
                for (String reference : entry.confirmed() && entry.kind() == ResourceKind.IMAGE
                        ? List.of(entry.name(), entry.id()) : List.of(entry.name())) {
                    try {
                        docker.inspectImageCmd(reference).exec();
                        there.add(entry.kind() + " " + reference);
                    } catch (NotFoundException gone) {
                        // removed, as it should be
                    }
                }
            }
        }
        return there;
    }

    private static BuiltImage build(EngineContext ctx, LogSink log, Object input) {
        Path context = SampleApp.writeContext(work.resolve("contexts").resolve(ctx.run().runId()), false, ctx.run().runId());
        return new ImageBuilder(ctx).build(SampleApp.build(context, DOCKER.uniqueName("app") + ":ci"), log);
    }

    private static PushResult push(EngineContext ctx, LogSink log, Object built) {
        return new ImagePublisher(ctx).push(PushRequest.builder(((BuiltImage) built).imageId())
                .target(ENV.anonymousRegistry() + "/ci/" + DOCKER.uniqueName("pushed") + ":1")
                .target(ENV.authRegistry() + "/ci/" + DOCKER.uniqueName("pushed") + ":1")
                .credentials(ENV.authRegistry(), RegistryCredentials.usernamePassword(ENV.authRegistryUser(), ENV.authRegistryPassword()))
                .retry(RetryPolicy.NONE).build(), log);
    }

    private static TestOutcome testRun(EngineContext ctx, LogSink log, String image, int exitCode) {
        return new TestRunner(ctx).run(SampleApp.test(image, SampleApp.services(image), exitCode), log);
    }

    private static TestOutcome testRunWithExtraService(EngineContext ctx, LogSink log, ServiceSpec extra) {
        List<ServiceSpec> services = new ArrayList<>(SampleApp.services(appImage));
        services.add(extra);
        return new TestRunner(ctx).run(SampleApp.test(appImage, services, 0), log);
    }
}
