package io.jenkins.plugins.dockerci.engine.buildkit;

import io.jenkins.plugins.dockerci.engine.LogSink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes BuildKit's progress the way {@code docker build --progress=plain} shows it, one line at a time as updates
 * arrive: {@code #5 [2/4] RUN make} when a step starts, {@code #5 0.412 …} for each line of its output (seconds since
 * it started), {@code #5 sha256:… 1.2MB / 1.2MB 0.3s done} for finished transfers, then {@code #5 DONE 1.2s},
 * {@code #5 CACHED}, {@code #5 ERROR: …} or {@code #5 CANCELED}. Every line carries its step's number, so lines of
 * steps running in parallel stay readable when they interleave.
 *
 * <p>Remembers the last lines of each step's output, so a failure can quote them.
 */
final class PlainProgress {

    /** How many output lines of a step a failure quotes. */
    static final int TAIL_LINES = 10;
    // output without a line break is passed on in pieces of this size rather than held back
    private static final int MAX_LINE = 16 * 1024;
    private static final String CANCELED = "context canceled";

    private final LogSink sink;
    private final Map<String, Step> steps = new HashMap<>();
    private final List<Step> failed = new ArrayList<>();
    private final List<Step> startOrder = new ArrayList<>();
    private int nextIndex;

    PlainProgress(LogSink sink) {
        this.sink = sink;
    }

    /**
     * Shows one update: first the steps it finished that report nothing else in it (BuildKit reports cached steps
     * together with the next step's progress), then the output and transfers it reports, then the other steps it
     * finished (each group in the order they finished), then the steps it started.
     */
    synchronized void accept(SolveStatus status) {
        List<Step> completed = new ArrayList<>();
        List<Step> started = new ArrayList<>();
        for (SolveStatus.Vertex vertex : status.vertexes()) {
            Step step = step(vertex.digest());
            step.name = vertex.name();
            step.cached = vertex.cached();
            step.error = vertex.error();
            if (vertex.started() != null && step.started == null) {
                step.started = vertex.started();
                startOrder.add(step);
                started.add(step);
            }
            if (vertex.completed() != null && !step.finished && !completed.contains(step)) {
                step.completed = vertex.completed();
                completed.add(step);
            }
        }
        completed.sort(Comparator.comparing(step -> step.completed));
        Set<String> reporting = new HashSet<>();
        status.statuses().forEach(progress -> reporting.add(progress.vertex()));
        status.logs().forEach(log -> reporting.add(log.vertex()));
        List<Step> silent = completed.stream().filter(step -> !reporting.contains(step.digest)).toList();
        silent.forEach(this::announceAndFinish);
        for (SolveStatus.VertexStatus progress : status.statuses()) {
            Step step = step(progress.vertex());
            if (progress.completed() != null && step.doneStatuses.add(progress.id())) {
                announce(step);
                line(step, progress.id() + amount(progress) + elapsed(progress.started(), progress.completed()) + " done");
            }
        }
        for (SolveStatus.VertexLog log : status.logs()) {
            Step step = step(log.vertex());
            announce(step);
            output(step, log);
        }
        completed.stream().filter(step -> !silent.contains(step)).forEach(this::announceAndFinish);
        started.forEach(this::announce);
    }

    /** Writes what is left of unfinished output lines (at the end of the build). */
    synchronized void flush() {
        steps.values().forEach(this::flushPartial);
    }

    /** The first step that failed (not one that was canceled), if any. */
    synchronized Optional<FailedStep> failedStep() {
        return failed.stream().findFirst().map(step -> new FailedStep(step.name, step.error, List.copyOf(step.tail)));
    }

    /** The name of the step started last of those that have not finished, e.g. {@code [2/3] RUN make}, if any. */
    synchronized Optional<String> runningStep() {
        for (int i = startOrder.size() - 1; i >= 0; i--) {
            if (!startOrder.get(i).finished) {
                return Optional.of(startOrder.get(i).name);
            }
        }
        return Optional.empty();
    }

    /**
     * A step that failed.
     *
     * @param name  the step, e.g. {@code [2/3] RUN exit 3}
     * @param error BuildKit's reason
     * @param tail  its last output lines, as shown in the log
     */
    record FailedStep(String name, String error, List<String> tail) {
    }

    private Step step(String digest) {
        return steps.computeIfAbsent(digest, d -> new Step(d, ++nextIndex));
    }

    private void announce(Step step) {
        if (!step.announced) {
            step.announced = true;
            line(step, step.name);
        }
    }

    private void announceAndFinish(Step step) {
        announce(step);
        finish(step);
    }

    private void finish(Step step) {
        step.finished = true;
        flushPartial(step);
        if (!step.error.isEmpty()) {
            if (step.error.endsWith(CANCELED)) {
                line(step, "CANCELED");
            } else {
                line(step, "ERROR: " + step.error);
                failed.add(step);
            }
        } else if (step.cached) {
            line(step, "CACHED");
        } else {
            line(step, "DONE" + (step.started == null ? "" : seconds(Duration.between(step.started, step.completed))));
        }
    }

    private void output(Step step, SolveStatus.VertexLog log) {
        String text = new String(log.data(), StandardCharsets.UTF_8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                outputLine(step);
            } else {
                if (step.partial.isEmpty()) {
                    step.partialAt = log.timestamp();
                }
                step.partial.append(c);
                if (step.partial.length() >= MAX_LINE) {
                    outputLine(step);
                }
            }
        }
    }

    private void flushPartial(Step step) {
        if (!step.partial.isEmpty()) {
            outputLine(step);
        }
    }

    private void outputLine(Step step) {
        String raw = step.partial.toString();
        step.partial.setLength(0);
        // a carriage return redraws the line on a terminal (progress bars): only its last state is worth a line
        int cr = raw.lastIndexOf('\r', raw.length() - 2);
        String text = raw.endsWith("\r") ? raw.substring(cr + 1, raw.length() - 1) : raw.substring(cr + 1);
        String shown = logTime(step) + " " + text;
        line(step, shown);
        step.tail.addLast("#" + step.index + " " + shown);
        if (step.tail.size() > TAIL_LINES) {
            step.tail.removeFirst();
        }
    }

    /** Seconds since the step started, with BuildKit's precision: 3 decimals below 10 s, 2 below 100 s, else 1. */
    private static String logTime(Step step) {
        if (step.started == null || step.partialAt == null) {
            return "0.000";
        }
        double seconds = Math.max(0, Duration.between(step.started, step.partialAt).toNanos() / 1e9);
        int decimals = seconds < 10 ? 3 : seconds < 100 ? 2 : 1;
        return String.format(Locale.ROOT, "%." + decimals + "f", seconds);
    }

    private void line(Step step, String text) {
        sink.line(LogSink.Kind.STDOUT, "#" + step.index + " " + text);
    }

    private static String amount(SolveStatus.VertexStatus progress) {
        if (progress.total() != 0) {
            return " " + bytes(progress.current()) + " / " + bytes(progress.total());
        }
        return progress.current() != 0 ? " " + bytes(progress.current()) : "";
    }

    private static String elapsed(Instant started, Instant completed) {
        if (started == null || completed == null) {
            return "";
        }
        Duration took = Duration.between(started, completed);
        return took.toMillis() > 10 ? seconds(took) : "";
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, " %.1fs", duration.toMillis() / 1000.0);
    }

    /** Sizes as BuildKit prints them: {@code 37B}, {@code 2.05kB}, {@code 1.5MB} (binary multiples). */
    static String bytes(long count) {
        if (count < 1024) {
            return count + "B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = count;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = String.format(Locale.ROOT, "%.2f", value).replaceAll("\\.?0+$", "");
        return number + units[unit];
    }

    /** What is known of one step (vertex). */
    private static final class Step {
        private final String digest;
        private final int index;
        private String name = "";
        private boolean cached;
        private String error = "";
        private Instant started;
        private Instant completed;
        private boolean announced;
        private boolean finished;
        private final StringBuilder partial = new StringBuilder();
        private Instant partialAt;
        private final Deque<String> tail = new ArrayDeque<>();
        private final Set<String> doneStatuses = new HashSet<>();

        Step(String digest, int index) {
            this.digest = digest;
            this.index = index;
        }
    }
}
