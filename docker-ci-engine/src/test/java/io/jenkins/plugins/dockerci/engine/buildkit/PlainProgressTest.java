package io.jenkins.plugins.dockerci.engine.buildkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainProgressTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    private final List<String> lines = new ArrayList<>();
    private final PlainProgress progress = new PlainProgress((kind, text) -> lines.add(text));

    @Test
    void numbersStepsInTheOrderTheyAppearAndTimesTheirOutput() {
        progress.accept(update(List.of(started("a", "[1/2] FROM base"), started("b", "[2/2] RUN make")), List.of(), List.of()));
        progress.accept(update(List.of(), List.of(), List.of(log("b", 1.5, "compiling\n"), log("b", 12.25, "linking\n"),
                log("b", 123.5, "done\n"))));
        progress.accept(update(List.of(done("b", "[2/2] RUN make", 130)), List.of(), List.of()));

        assertThat(lines).containsExactly("#1 [1/2] FROM base", "#2 [2/2] RUN make", "#2 1.500 compiling",
                "#2 12.25 linking", "#2 123.5 done", "#2 DONE 130.0s");
        assertThat(progress.runningStep()).contains("[1/2] FROM base");
    }

    @Test
    void joinsOutputSplitAcrossUpdatesAndKeepsOnlyTheLastStateOfARedrawnLine() {
        progress.accept(update(List.of(started("a", "RUN pip install")), List.of(), List.of(log("a", 0.1, "Downloading 10%\r"))));
        progress.accept(update(List.of(), List.of(), List.of(log("a", 0.2, "Downloading 100%\r\nInstalled "),
                log("a", 0.3, "flask\r\n"))));
        progress.accept(update(List.of(), List.of(), List.of(log("a", 0.4, "no line break at the end"))));
        progress.flush();

        assertThat(lines).containsExactly("#1 RUN pip install", "#1 0.100 Downloading 100%", "#1 0.200 Installed flask",
                "#1 0.400 no line break at the end");
    }

    @Test
    void showsCachedFailedAndCanceledSteps() {
        progress.accept(update(List.of(
                new SolveStatus.Vertex("a", "[1/3] FROM base", true, null, T0, ""),
                new SolveStatus.Vertex("b", "[2/3] RUN false", false, T0, T0.plusMillis(300), "exit code: 1"),
                new SolveStatus.Vertex("c", "[3/3] RUN sleep 9", false, T0, T0.plusMillis(400), "context canceled")),
                List.of(), List.of()));

        assertThat(lines).containsExactly("#1 [1/3] FROM base", "#1 CACHED", "#2 [2/3] RUN false", "#2 ERROR: exit code: 1",
                "#3 [3/3] RUN sleep 9", "#3 CANCELED");
        assertThat(progress.failedStep()).hasValueSatisfying(step -> assertThat(step.name()).isEqualTo("[2/3] RUN false"));
        assertThat(progress.runningStep()).isEmpty();
    }

    @Test
    void cachedStepsReportedWithTheNextStepsProgressComeFirst() {
        progress.accept(update(List.of(started("a", "[1/2] FROM base"), started("b", "[2/2] COPY . ."),
                new SolveStatus.Vertex("c", "exporting to image", false, T0.plusMillis(20), null, "")), List.of(), List.of()));
        progress.accept(update(List.of(new SolveStatus.Vertex("a", "[1/2] FROM base", true, T0, T0.plusMillis(10), ""),
                new SolveStatus.Vertex("b", "[2/2] COPY . .", true, T0, T0.plusMillis(11), "")),
                List.of(new SolveStatus.VertexStatus("exporting layers", "c", 0, 0, T0.plusMillis(20), T0.plusMillis(25))), List.of()));

        assertThat(lines).containsExactly("#1 [1/2] FROM base", "#2 [2/2] COPY . .", "#3 exporting to image", "#1 CACHED",
                "#2 CACHED", "#3 exporting layers done");
    }

    @Test
    void showsFinishedTransfersOnceWithSizeAndTime() {
        SolveStatus.VertexStatus pulled = new SolveStatus.VertexStatus("sha256:abc", "a", 1_572_864, 1_572_864, T0,
                T0.plusMillis(1200));
        SolveStatus.VertexStatus resolving = new SolveStatus.VertexStatus("resolve", "a", 0, 0, T0, null);
        progress.accept(update(List.of(started("a", "[1/1] FROM registry/base")), List.of(resolving, pulled), List.of()));
        progress.accept(update(List.of(), List.of(pulled, new SolveStatus.VertexStatus("transferring context", "a", 37, 0,
                T0, T0.plusMillis(5))), List.of()));

        assertThat(lines).containsExactly("#1 [1/1] FROM registry/base", "#1 sha256:abc 1.5MB / 1.5MB 1.2s done",
                "#1 transferring context 37B done");
    }

    @Test
    void quotesTheLastLinesOfAFailedStep() {
        List<SolveStatus.VertexLog> logs = new ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            logs.add(log("a", 0.5, "line " + i + "\n"));
        }
        progress.accept(update(List.of(started("a", "RUN test")), List.of(), logs));
        progress.accept(update(List.of(new SolveStatus.Vertex("a", "RUN test", false, T0, T0.plusSeconds(1), "exit code: 2")),
                List.of(), List.of()));

        assertThat(progress.failedStep()).hasValueSatisfying(step -> assertThat(step.tail())
                .hasSize(PlainProgress.TAIL_LINES).startsWith("#1 0.500 line 6").endsWith("#1 0.500 line 15"));
    }

    @Test
    void sizesAreShownAsBuildKitShowsThem() {
        assertThat(PlainProgress.bytes(37)).isEqualTo("37B");
        assertThat(PlainProgress.bytes(2099)).isEqualTo("2.05kB");
        assertThat(PlainProgress.bytes(3 * 1024 * 1024)).isEqualTo("3MB");
    }

    private static SolveStatus update(List<SolveStatus.Vertex> vertexes, List<SolveStatus.VertexStatus> statuses,
            List<SolveStatus.VertexLog> logs) {
        return new SolveStatus(vertexes, statuses, logs);
    }

    private static SolveStatus.Vertex started(String digest, String name) {
        return new SolveStatus.Vertex(digest, name, false, T0, null, "");
    }

    private static SolveStatus.Vertex done(String digest, String name, long seconds) {
        return new SolveStatus.Vertex(digest, name, false, T0, T0.plusSeconds(seconds), "");
    }

    private static SolveStatus.VertexLog log(String digest, double seconds, String text) {
        return new SolveStatus.VertexLog(digest, T0.plusNanos((long) (seconds * 1e9)), 1, text.getBytes(StandardCharsets.UTF_8));
    }
}
