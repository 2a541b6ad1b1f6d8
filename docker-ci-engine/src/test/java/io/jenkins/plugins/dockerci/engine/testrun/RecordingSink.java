package io.jenkins.plugins.dockerci.engine.testrun;

import io.jenkins.plugins.dockerci.engine.LogSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/** Keeps every line with its kind; optionally reacts to each line as it arrives. */
final class RecordingSink implements LogSink {

    record Line(Kind kind, String text) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final BiConsumer<Kind, String> onLine;

    RecordingSink() {
        this((k, t) -> { });
    }

    RecordingSink(BiConsumer<Kind, String> onLine) {
        this.onLine = onLine;
    }

    @Override
    public void line(Kind kind, String text) {
        lines.add(new Line(kind, text));
        onLine.accept(kind, text);
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    List<String> texts(Kind kind) {
        return lines.stream().filter(l -> l.kind() == kind).map(Line::text).toList();
    }
}
