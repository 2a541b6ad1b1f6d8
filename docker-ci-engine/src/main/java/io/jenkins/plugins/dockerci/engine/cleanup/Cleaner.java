package io.jenkins.plugins.dockerci.engine.cleanup;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.ManagedLabels;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.cleanup.RemovalOutcome.Status;
import io.jenkins.plugins.dockerci.engine.docker.DockerClients;
import io.jenkins.plugins.dockerci.engine.docker.DockerEndpoint;
import io.jenkins.plugins.dockerci.engine.docker.Uninterruptibly;
import io.jenkins.plugins.dockerci.engine.ledger.LedgerEntry;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceLedger;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Removes everything one run created: what its {@link ResourceLedger} recorded and anything else labelled with
 * its run id, in reverse dependency order: containers first (with force and their anonymous volumes, side by side),
 * then volumes, networks, and tags followed by images as the {@link CleanupPolicy} says (these three lanes side by
 * side, since none holds on to another).
 *
 * <p>Guarantees: idempotent (a resource already gone counts as done, so running it twice is harmless); continues
 * past individual failures; never throws, so a cleanup problem never replaces the build's own result (failures are
 * in the {@link CleanupReport} and logged as warnings); bounded in time, because every Docker call has its own
 * timeout; and not cut short by interrupts: it runs on a thread of its own while the caller waits, and the caller's
 * interrupt flag is cleared while it waits and restored after.
 *
 * <p>The per-call timeout lives in the cleaner's own client ({@link #open}): the engine's main client has no
 * response timeout (builds and log streams need none), and a socket-level timeout bounds each call on the thread
 * that makes it, without leaving an abandoned call running in the background that could race the next removal (as a
 * deadline on an executor would). So a cleanup takes at most about (number of Docker calls) x the call timeout, and
 * typically well under a second for a run of a few containers (see {@code benchmarks/results/cleanup-soak.md}).
 */
public final class Cleaner implements Closeable {

    /** How long one Docker call of cleanup may take unless the caller says otherwise. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);

    private final DockerClient docker;
    private final LogSink log;
    private final Clock clock;

    private Cleaner(DockerClient docker, LogSink log, Clock clock) {
        this.docker = Objects.requireNonNull(docker, "docker");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A cleaner with its own client to {@code endpoint}, where every call gives up after {@code callTimeout}.
     * Closing the cleaner closes that client.
     */
    public static Cleaner open(DockerEndpoint endpoint, Duration callTimeout, LogSink log) {
        if (callTimeout.isZero() || callTimeout.isNegative()) {
            throw new IllegalArgumentException("The cleanup call timeout must be positive, was " + callTimeout);
        }
        Duration connect = endpoint.connectTimeout().compareTo(callTimeout) < 0 ? endpoint.connectTimeout() : callTimeout;
        return new Cleaner(DockerClients.open(endpoint.withTimeouts(connect, callTimeout)), log, Clock.systemUTC());
    }

    /**
     * Removes what the ledger recorded and whatever else carries its run's labels or run tag, keeps the run's image
     * as build cache when the policy says so, then holds the owner's build cache to the policy's bound (what that
     * prunes is in the report too). When the engine does not answer there is no cache to trim: the report says only
     * what may still exist. Never throws.
     */
    public CleanupReport cleanup(ResourceLedger ledger, CleanupPolicy policy) {
        Optional<RuntimeException> unreachable = unreachable();
        if (unreachable.isPresent()) {
            Instant start = clock.instant();
            List<RemovalOutcome> outcomes = ledger.entries().stream().map(entry -> unreachableOutcome(entry, unreachable.get())).toList();
            CleanupReport report = new CleanupReport(ledger.run(), outcomes, Duration.between(start, clock.instant()));
            report(report);
            return report;
        }
        CleanupReport report = clean(ledger, policy);
        if (!policy.removeBuiltImages()) {
            return report;
        }
        BuildCacheReport cache = trimBuildCache(ledger.run().ownerId(), policy.buildCache(), false);
        List<RemovalOutcome> outcomes = new ArrayList<>(report.outcomes());
        outcomes.addAll(cache.outcomes());
        return new CleanupReport(report.run(), outcomes, report.took());
    }

    /** What the ledger recorded and whatever else carries its run's labels or run tag, without the cache trim. */
    CleanupReport clean(ResourceLedger ledger, CleanupPolicy policy) {
        return clean(ledger.run(), policy, ledger::entries, ledger::pushedReferences);
    }

    /**
     * Holds {@code owner}'s build cache to {@code policy}: removes the cache images unused for too long, then the least
     * recently used while the cache is over its size budget (see {@link BuildCachePolicy}). With {@code dryRun} it
     * only says what it would remove. Never throws: a failure to list is a report with nothing kept and a failed
     * outcome.
     */
    public BuildCacheReport trimBuildCache(String ownerId, BuildCachePolicy policy, boolean dryRun) {
        BuildCacheReport report;
        try {
            report = Uninterruptibly.call("docker-ci-cache-" + ownerId,
                    () -> new BuildCache(docker).trim(ownerId, policy, clock.instant(), dryRun));
        } catch (RuntimeException e) {
            report = new BuildCacheReport(ownerId, policy, List.of(), 0, List.of(), List.of(new RemovalOutcome(ResourceKind.IMAGE,
                    "(build cache of owner " + ownerId + ")", null, Status.FAILED, "listing it failed: " + ResourceRemover.reason(e))));
        }
        try {
            report.failed().forEach(f -> log.warn("Build cache: " + f.describe() + "; the next cleanup or reaper run tries again."));
            log.info(report.summary());
        } catch (RuntimeException e) {
            // a broken log sink must not turn a finished trim into a failure of the build
        }
        return report;
    }

    /**
     * Removes whatever carries the labels of {@code run}, for a run whose ledger is lost. Nothing is known to be
     * pushed, so {@link CleanupPolicy#keepPushed()} keeps nothing here. Never throws.
     */
    public CleanupReport cleanupRun(RunContext run, CleanupPolicy policy) {
        return clean(run, policy, List::of, Set::of);
    }

    private CleanupReport clean(RunContext run, CleanupPolicy policy, Supplier<List<LedgerEntry>> entries,
                                Supplier<Set<String>> pushed) {
        Instant start = clock.instant();
        List<RemovalOutcome> outcomes = new ArrayList<>();
        try {
            ResourceRemover remover = new ResourceRemover(docker, run);
            CleanupPass pass = new CleanupPass(run, policy, pushed.get(), new LabelledResources(docker), remover,
                    new RunImages(docker, run, remover));
            outcomes.addAll(Uninterruptibly.call("docker-ci-cleanup-" + run.runId(), () -> pass.run(entries.get())));
        } catch (RuntimeException e) {
            outcomes.add(new RemovalOutcome(ResourceKind.CONTAINER, "(cleanup of run " + run.runId() + ")", null,
                    Status.FAILED, "cleanup stopped early: " + ResourceRemover.reason(e)));
        }
        CleanupReport report = new CleanupReport(run, outcomes, Duration.between(start, clock.instant()));
        report(report);
        return report;
    }

    /** Why the engine does not answer, if it does not: then nothing of the run can be checked or removed now. */
    private Optional<RuntimeException> unreachable() {
        try {
            docker.pingCmd().exec();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e);
        }
    }

    /**
     * A resource of a run whose engine does not answer: one Docker confirmed creating may still be there (a failure,
     * with the command for later); one it never confirmed was most likely never created (no warning).
     */
    private static RemovalOutcome unreachableOutcome(LedgerEntry entry, RuntimeException cause) {
        String reason = "the Docker engine cannot be reached (" + ResourceRemover.reason(cause) + ")";
        return entry.id() == null
                ? new RemovalOutcome(entry.kind(), entry.name(), null, Status.NOT_CREATED, reason)
                : new RemovalOutcome(entry.kind(), entry.name(), entry.id(), Status.FAILED, reason + "; it may still exist");
    }

    private void report(CleanupReport report) {
        try {
            for (RemovalOutcome failure : report.failed()) {
                String now = failure.id() == null
                        ? "list what is left with 'docker ps -a --filter label=" + ManagedLabels.RUN + "=" + report.run().runId() + "'"
                        : "remove it now with 'docker " + command(failure.kind()) + " " + failure.name() + "'";
                log.warn("Cleanup: " + failure.describe() + ". It keeps its run label (an image, its run tag), so a later cleanup or the orphan"
                        + " reaper removes it; " + now + ".");
            }
            report.kept().stream().filter(k -> k.detail().contains("not labelled")).forEach(k -> log.info("Cleanup: " + k.describe()));
            report.cached().forEach(k -> log.info("Cleanup: " + k.describe()));
            log.info(report.summary());
        } catch (RuntimeException e) {
            // a broken log sink must not turn a finished cleanup into a failure of the build
        }
    }

    private static String command(ResourceKind kind) {
        return switch (kind) {
            case CONTAINER -> "rm -f";
            case VOLUME -> "volume rm";
            case NETWORK -> "network rm";
            case TAG, IMAGE -> "rmi";
        };
    }

    /** The client the reaper lists through, so that listing has the same timeouts as removing. */
    DockerClient docker() {
        return docker;
    }

    @Override
    public void close() throws IOException {
        docker.close();
    }
}
