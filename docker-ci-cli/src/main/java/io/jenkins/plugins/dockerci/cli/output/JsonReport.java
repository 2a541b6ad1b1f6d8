package io.jenkins.plugins.dockerci.cli.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.dockerci.cli.flow.FlowOutcome;
import io.jenkins.plugins.dockerci.engine.cleanup.RemovalOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The machine-readable account of a run ({@code --json FILE}): status, image, test outcome, digests, cleanup. */
public final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /** Writes the report of {@code outcome} to {@code file}. */
    public static void write(FlowOutcome outcome, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(file.toFile(), toMap(outcome));
    }

    static Map<String, Object> toMap(FlowOutcome outcome) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("status", outcome.status().name().toLowerCase(Locale.ROOT));
        report.put("exitCode", outcome.status().exitCode());
        report.put("runId", outcome.runId());
        outcome.failure().ifPresent(f -> report.put("failure", f));
        outcome.build().ifPresent(b -> report.put("build", ordered("imageId", b.imageId(), "tags", b.tags(),
                "builder", b.builder().parameterValue(), "durationMs", b.duration().toMillis())));
        outcome.test().ifPresent(t -> {
            Map<String, Object> test = new LinkedHashMap<>();
            test.put("termination", t.termination().name().toLowerCase(Locale.ROOT));
            test.put("exitCode", t.exitCode().isPresent() ? t.exitCode().getAsInt() : null);
            test.put("passed", t.passed());
            test.put("durationMs", t.duration().toMillis());
            Map<String, Long> ready = new LinkedHashMap<>();
            t.timeToReady().forEach((service, took) -> ready.put(service, took.toMillis()));
            test.put("serviceReadyMs", ready);
            test.put("reports", t.reports().stream().map(Path::toString).toList());
            test.put("problems", concat(t.reportProblems(), t.serviceProblems(), t.cleanupProblems()));
            report.put("test", test);
        });
        outcome.push().ifPresent(p -> report.put("push", p.pushed().stream().map(tag -> ordered(
                "reference", tag.reference().toString(), "digest", tag.digest(), "pinned", tag.pinned().toString())).toList()));
        outcome.cleanup().ifPresent(c -> report.put("cleanup", ordered(
                "removed", c.removed().size(), "alreadyGone", c.alreadyGone().size(), "kept", c.kept().size(),
                "keptAsBuildCache", c.cached().stream().map(RemovalOutcome::describe).toList(),
                "failed", c.failed().stream().map(RemovalOutcome::describe).toList(), "durationMs", c.took().toMillis())));
        Map<String, Long> durations = new LinkedHashMap<>();
        outcome.durations().forEach((step, took) -> durations.put(step, took.toMillis()));
        report.put("durationsMs", durations);
        return report;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
