package io.jenkins.plugins.dockerci.engine.cleanup;

import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.cleanup.RemovalOutcome.Status;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one cleanup of a run did, resource by resource, in the order it went.
 *
 * <p>Failures are warnings for the caller: they never replace the build's own result. Whatever failed is still
 * labelled with the run and is removed by a later cleanup or by the {@link OrphanReaper}.
 *
 * @param run      the run that was cleaned up
 * @param outcomes one entry per resource
 * @param took     how long the cleanup took
 */
public record CleanupReport(RunContext run, List<RemovalOutcome> outcomes, Duration took) {

    public CleanupReport {
        Objects.requireNonNull(run, "run");
        outcomes = List.copyOf(outcomes);
        Objects.requireNonNull(took, "took");
    }

    public List<RemovalOutcome> removed() {
        return with(Status.REMOVED);
    }

    public List<RemovalOutcome> alreadyGone() {
        return with(Status.ALREADY_GONE);
    }

    public List<RemovalOutcome> kept() {
        return with(Status.KEPT);
    }

    /** The images kept on purpose as build cache (not leaks: bounded by the {@link BuildCachePolicy}). */
    public List<RemovalOutcome> cached() {
        return with(Status.CACHED);
    }

    public List<RemovalOutcome> failed() {
        return with(Status.FAILED);
    }

    /** Whether every resource of the run is gone or was kept on purpose (by the policy or as build cache). */
    public boolean isClean() {
        return failed().isEmpty();
    }

    /** One line for the build log. */
    public String summary() {
        String notCreated = notCreated().isEmpty() ? "" : ", " + notCreated().size() + " never created (the engine could not be reached)";
        return String.format(Locale.ROOT, "Cleanup of run %s: %d removed, %d already gone, %d kept, %d kept as build cache, %d failed%s in %.1f s",
                run.runId(), removed().size(), alreadyGone().size(), kept().size(), cached().size(), failed().size(), notCreated,
                took.toMillis() / 1000.0);
    }

    /** What the ledger recorded as about to be created while the engine, unreachable now, never confirmed it. */
    public List<RemovalOutcome> notCreated() {
        return with(Status.NOT_CREATED);
    }

    private List<RemovalOutcome> with(Status status) {
        return outcomes.stream().filter(o -> o.status() == status).toList();
    }
}
