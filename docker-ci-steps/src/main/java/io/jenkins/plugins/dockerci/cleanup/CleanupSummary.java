package io.jenkins.plugins.dockerci.cleanup;

import io.jenkins.plugins.dockerci.agent.Jep200;
import io.jenkins.plugins.dockerci.engine.cleanup.CleanupReport;
import io.jenkins.plugins.dockerci.engine.cleanup.RemovalOutcome;
import java.io.Serializable;
import java.util.List;

/**
 * A cleanup's report as it comes back from the agent: the counts, and each failure described.
 *
 * @param removed     how many resources were removed
 * @param alreadyGone how many were gone before cleanup came
 * @param kept        how many were kept on purpose (the image policy)
 * @param failures    what could not be removed, one sentence each
 */
public record CleanupSummary(int removed, int alreadyGone, int kept, List<String> failures) implements Serializable {

    public CleanupSummary {
        failures = Jep200.list(failures);
    }

    /** The summary of {@code report}. */
    public static CleanupSummary of(CleanupReport report) {
        return new CleanupSummary(report.removed().size(), report.alreadyGone().size(), report.kept().size(),
                report.failed().stream().map(RemovalOutcome::describe).toList());
    }

    /** Whether everything is gone or kept on purpose. */
    public boolean isClean() {
        return failures.isEmpty();
    }
}
