package io.jenkins.plugins.dockerci.cli.output;

import io.jenkins.plugins.dockerci.cli.flow.FlowOutcome;
import io.jenkins.plugins.dockerci.engine.DurationText;
import io.jenkins.plugins.dockerci.engine.build.BuilderChoice;
import io.jenkins.plugins.dockerci.engine.build.BuiltImage;
import io.jenkins.plugins.dockerci.engine.cleanup.CleanupReport;
import io.jenkins.plugins.dockerci.engine.push.PushResult;
import io.jenkins.plugins.dockerci.engine.testrun.TestOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The table printed at the end of a run: one row per step with its result and duration. */
public final class SummaryTable {

    private SummaryTable() {
    }

    /** The lines of the table, header first. */
    public static List<String> lines(FlowOutcome outcome) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"STEP", "RESULT", "DURATION"});
        outcome.durations().forEach((step, took) -> rows.add(new String[] {step, result(step, outcome), DurationText.format(took)}));
        Duration total = outcome.durations().values().stream().reduce(Duration.ZERO, Duration::plus);
        rows.add(new String[] {"total", outcome.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + " (exit " + outcome.status().exitCode() + ")", DurationText.format(total)});
        int[] widths = new int[3];
        for (String[] row : rows) {
            for (int i = 0; i < 3; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            lines.add(String.format(Locale.ROOT, "%-" + widths[0] + "s  %-" + widths[1] + "s  %s", row[0], row[1], row[2]));
        }
        return lines;
    }

    private static String result(String step, FlowOutcome outcome) {
        return switch (step) {
            case "build" -> outcome.build().map(SummaryTable::built).orElse("failed");
            case "test" -> outcome.test().map(SummaryTable::tested).orElse("failed");
            case "push" -> outcome.push().map(SummaryTable::pushed).orElse("failed");
            case "cleanup" -> outcome.cleanup().map(SummaryTable::cleaned).orElse("incomplete: run docker-ci reap");
            default -> "";
        };
    }

    private static String built(BuiltImage image) {
        return shortId(image.imageId()) + (image.tags().isEmpty() ? "" : " " + String.join(", ", image.tags()))
                + (image.builder() == BuilderChoice.BUILDKIT ? " (BuildKit)" : " (classic builder)");
    }

    private static String tested(TestOutcome outcome) {
        String exit = outcome.exitCode().isPresent() ? "exit " + outcome.exitCode().getAsInt() : "no exit code";
        return switch (outcome.termination()) {
            case EXITED -> (outcome.passed() ? "passed" : "FAILED") + " (" + exit + ")";
            case TIMED_OUT -> "TIMED OUT";
            case INTERRUPTED -> "interrupted";
        };
    }

    private static String pushed(PushResult result) {
        return result.pushed().size() + " tag(s), " + result.pushed().get(0).digest().substring(0, 19) + "…";
    }

    private static String cleaned(CleanupReport report) {
        return report.removed().size() + " removed, " + report.alreadyGone().size() + " already gone, "
                + report.kept().size() + " kept, " + report.cached().size() + " kept as build cache, " + report.failed().size() + " failed";
    }

    static String shortId(String id) {
        String bare = id.startsWith("sha256:") ? id.substring("sha256:".length()) : id;
        return bare.substring(0, Math.min(12, bare.length()));
    }
}
