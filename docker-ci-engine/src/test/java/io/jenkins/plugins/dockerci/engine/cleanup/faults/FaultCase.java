package io.jenkins.plugins.dockerci.engine.cleanup.faults;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.cleanup.Cleaner;
import io.jenkins.plugins.dockerci.engine.cleanup.CleanupPolicy;
import io.jenkins.plugins.dockerci.engine.cleanup.CleanupReport;
import io.jenkins.plugins.dockerci.engine.docker.DockerClients;
import io.jenkins.plugins.dockerci.engine.docker.DockerEndpoint;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceLedger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One run of one engine step the way a caller runs it: on a thread of its own, with a {@link ResourceLedger} as the
 * tracker, and {@code Cleaner.cleanup(ledger, REMOVE_ALL)} in a finally path on that same thread (with whatever
 * interrupt flag the step left). A {@link StepInterrupter} may interrupt that thread from another one.
 */
final class FaultCase {

    /** A step of the flow; {@code input} is what the setup step returned ({@code null} without one). */
    @FunctionalInterface
    interface Step {
        Object run(EngineContext ctx, LogSink log, Object input) throws Exception;
    }

    /**
     * What happened.
     *
     * @param result                  what the step returned, or {@code null} when it threw
     * @param failure                 what the step threw, or {@code null}
     * @param cleanup                 the cleanup's report
     * @param flagAfterStep           the worker's interrupt flag when the step returned or threw
     * @param flagAfterCleanup        the worker's interrupt flag after the cleanup
     * @param interrupt               the interrupt point and where it landed
     * @param landed                  where the interrupt landed
     * @param events                  how many events the step produced
     * @param ledger                  the run's ledger
     * @param anonymousVolumes        the anonymous volumes of the containers the run created
     * @param witnessProblems         containers whose volumes could not be inspected
     * @param log                     every line the step logged, with its kind
     */
    record Outcome(Object result, Throwable failure, CleanupReport cleanup, boolean flagAfterStep, boolean flagAfterCleanup,
                   String interrupt, StepInterrupter.Landed landed, int events, ResourceLedger ledger,
                   List<String> anonymousVolumes, List<String> witnessProblems, List<String> log) {

        /** For assertion messages: the point, the failure and the end of the log. */
        String describe() {
            return interrupt + "; step " + (failure == null ? "returned " + result : "threw " + failure) + "; cleanup: "
                    + cleanup.summary() + "; last log lines: " + log.subList(Math.max(0, log.size() - 25), log.size());
        }
    }

    private static final Duration CASE_TIMEOUT = Duration.ofMinutes(5);

    private final DockerEndpoint endpoint;
    private final DockerClient witnessClient;
    private final Cleaner cleaner;
    private final Path ledgers;

    /** {@code witnessClient} inspects what the engine creates; the engine gets a client of its own per case. */
    FaultCase(DockerEndpoint endpoint, DockerClient witnessClient, Cleaner cleaner, Path ledgers) {
        this.endpoint = endpoint;
        this.witnessClient = witnessClient;
        this.cleaner = cleaner;
        this.ledgers = ledgers;
    }

    /** Runs {@code step} undisturbed. */
    Outcome run(RunContext run, Step setup, Step step) throws InterruptedException {
        return run(run, setup, step, 0, Duration.ZERO);
    }

    /**
     * Runs {@code setup} (not interrupted, its events not counted), then {@code step}, interrupting it {@code delay}
     * after its {@code atEvent}-th event (0: never), then cleans up.
     */
    Outcome run(RunContext run, Step setup, Step step, int atEvent, Duration delay) throws InterruptedException {
        ResourceLedger ledger = ResourceLedger.open(ledgers.resolve(run.runId()), run);
        AtomicReference<Consumer<String>> events = new AtomicReference<>(event -> { });
        List<String> lines = new CopyOnWriteArrayList<>();
        LogSink log = (kind, text) -> {
            lines.add(kind + " " + text);
            events.get().accept(kind + " " + text);
        };
        WitnessingTracker tracker = new WitnessingTracker(ledger, witnessClient, event -> events.get().accept(event));
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        AtomicReference<Throwable> broken = new AtomicReference<>();
        AtomicReference<StepInterrupter> interrupter = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try (DockerClient docker = DockerClients.connect(endpoint)) {
                EngineContext ctx = new EngineContext(docker, run, tracker);
                Object input = setup == null ? null : setup.run(ctx, log, null);
                StepInterrupter points = new StepInterrupter(Thread.currentThread(), atEvent, delay);
                interrupter.set(points);
                events.set(points::event);
                outcome.set(runAndCleanUp(step, ctx, log, input, points, ledger, tracker, lines));
            } catch (Throwable e) {
                broken.set(e);
            }
        }, "fault-case-" + run.runId());
        worker.start();
        worker.join(CASE_TIMEOUT.toMillis());
        if (worker.isAlive()) {
            StepInterrupter points = interrupter.get();
            throw new AssertionError("The case did not end within " + CASE_TIMEOUT + " ("
                    + (points == null ? "in its setup" : points.describe()) + "); log: " + lines);
        }
        if (broken.get() != null) {
            throw new AssertionError("The case broke outside the step (setup or test support); log: " + lines, broken.get());
        }
        return outcome.get();
    }

    private Outcome runAndCleanUp(Step step, EngineContext ctx, LogSink log, Object input, StepInterrupter points,
                                  ResourceLedger ledger, WitnessingTracker tracker, List<String> lines) throws InterruptedException {
        Object result = null;
        Throwable failure = null;
        boolean flagAfterStep;
        CleanupReport report;
        try {
            result = step.run(ctx, log, input);
        } catch (Exception | Error e) {
            failure = e;
        } finally {
            flagAfterStep = Thread.currentThread().isInterrupted();
            points.stepEnded();
            report = cleaner.cleanup(ledger, CleanupPolicy.REMOVE_ALL);
        }
        points.caseEnded();
        // nothing is delivered after caseEnded(), so the flag read now is the one the cleanup left
        boolean flagAfterCleanup = Thread.interrupted();
        points.awaitInterrupter();
        return new Outcome(result, failure, report, flagAfterStep, flagAfterCleanup, points.describe(), points.landed(),
                points.events(), ledger, tracker.anonymousVolumes(), tracker.problems(), List.copyOf(lines));
    }
}
