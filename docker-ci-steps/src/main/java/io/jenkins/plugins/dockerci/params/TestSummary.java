package io.jenkins.plugins.dockerci.params;

import io.jenkins.plugins.dockerci.agent.Jep200;
import io.jenkins.plugins.dockerci.engine.testrun.TestOutcome;
import io.jenkins.plugins.dockerci.engine.testrun.Termination;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@code dockerTest} produced, as it comes back from the agent.
 *
 * @param timedOut        whether the timeout stopped the tests
 * @param exitCode        the test command's exit code, or {@code null} if it has none (timed out before exiting)
 * @param durationMillis  the whole run, services included
 * @param readyMillis     per service, its time to ready
 * @param reports         where the reports were copied, relative to the workspace where possible
 * @param problems        missing reports, services that died, resources that could not be removed
 */
public record TestSummary(boolean timedOut, Integer exitCode, long durationMillis, Map<String, Long> readyMillis,
                          List<String> reports, List<String> problems) implements Serializable {

    public TestSummary {
        readyMillis = Jep200.map(readyMillis);
        reports = Jep200.list(reports);
        problems = Jep200.list(problems);
    }

    /** The summary of {@code outcome} in {@code workspace}. */
    static TestSummary of(TestOutcome outcome, Path workspace) {
        Map<String, Long> ready = new TreeMap<>();
        outcome.timeToReady().forEach((service, took) -> ready.put(service, took.toMillis()));
        List<String> reports = outcome.reports().stream()
                .map(path -> path.startsWith(workspace) ? workspace.relativize(path).toString() : path.toString())
                .toList();
        List<String> problems = new ArrayList<>(outcome.reportProblems());
        problems.addAll(outcome.serviceProblems());
        problems.addAll(outcome.cleanupProblems());
        return new TestSummary(outcome.termination() == Termination.TIMED_OUT,
                outcome.exitCode().isPresent() ? outcome.exitCode().getAsInt() : null,
                outcome.duration().toMillis(), ready, reports, problems);
    }

    /** The command exited by itself with 0. */
    public boolean passed() {
        return !timedOut && exitCode != null && exitCode == 0;
    }

    /** How long the run took. */
    public Duration duration() {
        return Duration.ofMillis(durationMillis);
    }
}
