package io.jenkins.plugins.dockerci.cleanup;

import io.jenkins.plugins.dockerci.agent.Jep200;
import io.jenkins.plugins.dockerci.engine.cleanup.BuildCacheReport;
import io.jenkins.plugins.dockerci.engine.cleanup.CleanupReport;
import io.jenkins.plugins.dockerci.engine.cleanup.RemovalOutcome;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A cleanup's report as it comes back from the agent: the counts, and each failure described. What stays on purpose
 * is counted apart from what could not be removed, so a warning only appears when something may really be left.
 *
 * @param removed     how many resources were removed
 * @param alreadyGone how many were gone before cleanup came
 * @param kept        how many were kept on purpose (the built-image policy)
 * @param cached      how many images were kept as build cache for later builds (the build-cache policy)
 * @param failures    what could not be removed, one sentence each
 */
public record CleanupSummary(int removed, int alreadyGone, int kept, int cached, List<String> failures) implements Serializable {

    public CleanupSummary {
        failures = Jep200.list(failures);
    }

    /** The summary of {@code report}. */
    public static CleanupSummary of(CleanupReport report) {
        return new CleanupSummary(report.removed().size(), report.alreadyGone().size() + report.notCreated().size(), report.kept().size(),
                report.cached().size(), report.failed().stream().map(RemovalOutcome::describe).toList());
    }

    /** The summary of the reaper's pass over one engine: the runs it reaped and the build cache it trimmed. */
    public static CleanupSummary of(List<CleanupReport> runs, BuildCacheReport cache) {
        List<String> failures = new ArrayList<>();
        runs.forEach(r -> failures.addAll(of(r).failures()));
        int pruned = 0;
        int cached = 0;
        if (cache != null) {
            cache.failed().forEach(f -> failures.add(f.describe()));
            pruned = cache.outcomes().size() - cache.failed().size();
            cached = cache.kept().size();
        }
        return new CleanupSummary(runs.stream().mapToInt(r -> r.removed().size()).sum() + pruned,
                runs.stream().mapToInt(r -> r.alreadyGone().size()).sum(), runs.stream().mapToInt(r -> r.kept().size()).sum(),
                cached, failures);
    }

    /** Whether everything is gone or kept on purpose. */
    public boolean isClean() {
        return failures.isEmpty();
    }
}
