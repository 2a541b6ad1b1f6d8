package io.jenkins.plugins.dockerci.cli.flow;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.dockerci.cli.config.FlowPlan;
import io.jenkins.plugins.dockerci.cli.config.FlowPlan.Step;
import io.jenkins.plugins.dockerci.cli.output.ConsoleLog;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.DurationText;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.build.BuiltImage;
import io.jenkins.plugins.dockerci.engine.build.ImageBuilder;
import io.jenkins.plugins.dockerci.engine.cleanup.Cleaner;
import io.jenkins.plugins.dockerci.engine.cleanup.CleanupReport;
import io.jenkins.plugins.dockerci.engine.docker.DockerClients;
import io.jenkins.plugins.dockerci.engine.docker.DockerEndpoint;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceLedger;
import io.jenkins.plugins.dockerci.engine.log.SecretMasker;
import io.jenkins.plugins.dockerci.engine.push.ImagePublisher;
import io.jenkins.plugins.dockerci.engine.push.PushResult;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins;
import io.jenkins.plugins.dockerci.engine.testrun.TestOutcome;
import io.jenkins.plugins.dockerci.engine.testrun.TestRunner;
import io.jenkins.plugins.dockerci.engine.testrun.Termination;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs a {@link FlowPlan}: build, then test, then push (only when the tests passed), then cleanup — always, also after
 * a failure or an interrupt. Everything the run creates is recorded in a ledger in the CLI's state folder before it is
 * created, so {@code docker-ci reap} removes it even if this process is killed.
 */
public final class FlowRunner {

    private final DockerEndpoint endpoint;
    private final CliIdentity identity;
    private final ConsoleLog console;
    private final Clock clock;
    private final RegistryLogins registries;

    /** @param registries the credentials for every pull and push of the run (see {@link CliRegistryLogins}) */
    public FlowRunner(DockerEndpoint endpoint, CliIdentity identity, ConsoleLog console, Clock clock, RegistryLogins registries) {
        this.endpoint = endpoint;
        this.identity = identity;
        this.console = console;
        this.clock = clock;
        this.registries = registries;
    }

    /**
     * Runs the steps of {@code plan} named in {@code steps}.
     *
     * @param keepOnFailure keep the containers of a failed test run for debugging (the reaper removes them later)
     */
    public FlowOutcome run(FlowPlan plan, Set<Step> steps, boolean keepOnFailure) {
        RunContext run = identity.newRun(clock);
        LogSink log = SecretMasker.wrap(console, plan.secrets());
        Attempt attempt = new Attempt(run.runId());
        ActiveRuns active = new ActiveRuns(identity.runsDir());
        ResourceLedger ledger;
        try (AutoCloseable mark = active.start(run.runId())) {
            ledger = ResourceLedger.open(identity.runsDir(), run);
            console.always("docker-ci run " + run.runId() + " (Docker: " + endpoint.describe() + ")");
            try (DockerClient docker = DockerClients.connect(endpoint)) {
                EngineContext ctx = new EngineContext(docker, run, ledger, clock, registries);
                runSteps(plan, steps, keepOnFailure, ctx, log, attempt);
            } catch (DockerCiException e) {
                attempt.fail(e instanceof InvalidRequestException ? FlowOutcome.Status.INVALID : FlowOutcome.Status.DOCKER_ERROR, e.getMessage());
            } catch (IOException e) {
                attempt.fail(FlowOutcome.Status.DOCKER_ERROR, "closing the Docker client failed: " + e.getMessage());
            }
            if (Thread.currentThread().isInterrupted()) {
                attempt.fail(FlowOutcome.Status.INTERRUPTED, "interrupted");
            }
            cleanup(ledger, plan, keepOnFailure, attempt, log);
        } catch (Exception e) {
            attempt.fail(FlowOutcome.Status.DOCKER_ERROR, e.getMessage());
        }
        return attempt.outcome();
    }

    private void runSteps(FlowPlan plan, Set<Step> steps, boolean keepOnFailure, EngineContext ctx, LogSink log, Attempt attempt) {
        Optional<String> image = Optional.empty();
        if (steps.contains(Step.BUILD) && plan.build().isPresent()) {
            BuiltImage built = attempt.step("build", () -> {
                console.header("dockerBuild: " + plan.build().get().contextDir());
                return new ImageBuilder(ctx).build(plan.build().get(), log);
            });
            attempt.build = Optional.of(built);
            image = Optional.of(built.imageId());
        }
        if (steps.contains(Step.TEST) && plan.test().isPresent()) {
            String testImage = resolve(plan.test().get().image(), image, "dockerTest");
            TestOutcome outcome = attempt.step("test", () -> {
                console.header("dockerTest: " + testImage);
                return new TestRunner(ctx).run(plan.test().get().withImage(testImage)
                        .withKeepOnFailure(keepOnFailure || plan.test().get().keepOnFailure()), log);
            });
            attempt.test = Optional.of(outcome);
            if (!outcome.passed()) {
                attempt.fail(outcome.termination() == Termination.INTERRUPTED
                        ? FlowOutcome.Status.INTERRUPTED : FlowOutcome.Status.TESTS_FAILED, describe(outcome));
                return;
            }
        }
        if (steps.contains(Step.PUSH) && plan.push().isPresent()) {
            String source = resolve(plan.push().get().source(), image, "dockerPush");
            PushResult pushed = attempt.step("push", () -> {
                console.header("dockerPush: " + plan.push().get().targets().size() + " tag(s)");
                return new ImagePublisher(ctx).push(plan.push().get().withSource(source), log);
            });
            attempt.push = Optional.of(pushed);
        }
    }

    private static String resolve(String requested, Optional<String> built, String step) {
        if (!FlowPlan.BUILT_IMAGE.equals(requested)) {
            return requested;
        }
        return built.orElseThrow(() -> new InvalidRequestException(step + " uses the image of dockerBuild, but the build"
                + " step did not run: add it to --only, or give " + step + ".image"));
    }

    private void cleanup(ResourceLedger ledger, FlowPlan plan, boolean keepOnFailure, Attempt attempt, LogSink log) {
        boolean failedTests = attempt.test.map(t -> !t.passed()).orElse(false);
        if (failedTests && (keepOnFailure || plan.test().map(t -> t.keepOnFailure()).orElse(false))) {
            console.header("dockerCleanup: skipped, containers kept for debugging");
            console.always("  docker ps -a --filter label=io.jenkins.dockerci.run=" + ledger.run().runId()
                    + "   (remove them with: docker-ci reap)");
            return;
        }
        console.header("dockerCleanup");
        Instant start = clock.instant();
        // a fresh client with short per-call timeouts, on a thread the interrupt flag cannot cut short
        try (Cleaner cleaner = Cleaner.open(endpoint, Cleaner.DEFAULT_CALL_TIMEOUT, log)) {
            CleanupReport report = cleaner.cleanup(ledger, plan.cleanup());
            attempt.cleanup = Optional.of(report);
        } catch (IOException | RuntimeException e) {
            log.warn("cleanup did not finish (" + e.getMessage() + "); run 'docker-ci reap' to remove what is left");
        }
        attempt.durations.put("cleanup", Duration.between(start, clock.instant()));
    }

    private static String describe(TestOutcome outcome) {
        return switch (outcome.termination()) {
            case EXITED -> "tests failed: exit code " + (outcome.exitCode().isPresent() ? outcome.exitCode().getAsInt() : "unknown");
            case TIMED_OUT -> "tests timed out after " + DurationText.format(outcome.duration());
            case INTERRUPTED -> "interrupted while the tests ran";
        };
    }

    /** The mutable record of one run while it goes; {@link #outcome()} freezes it. */
    private final class Attempt {
        private final String runId;
        private final Map<String, Duration> durations = new LinkedHashMap<>();
        private FlowOutcome.Status status = FlowOutcome.Status.PASSED;
        private Optional<String> failure = Optional.empty();
        private Optional<BuiltImage> build = Optional.empty();
        private Optional<TestOutcome> test = Optional.empty();
        private Optional<PushResult> push = Optional.empty();
        private Optional<CleanupReport> cleanup = Optional.empty();

        Attempt(String runId) {
            this.runId = runId;
        }

        <T> T step(String name, Supplier<T> work) {
            Instant start = clock.instant();
            try {
                return work.get();
            } finally {
                durations.put(name, Duration.between(start, clock.instant()));
            }
        }

        void fail(FlowOutcome.Status why, String message) {
            if (status == FlowOutcome.Status.PASSED || why == FlowOutcome.Status.INTERRUPTED) {
                status = why;
                failure = Optional.ofNullable(message);
            }
        }

        FlowOutcome outcome() {
            return new FlowOutcome(status, runId, build, test, push, cleanup, durations, failure);
        }
    }
}
