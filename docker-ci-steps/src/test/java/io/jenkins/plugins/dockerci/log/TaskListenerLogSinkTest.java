package io.jenkins.plugins.dockerci.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.LogSink.Kind;
import io.jenkins.plugins.dockerci.testsupport.RecordingListener;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TaskListenerLogSinkTest {

    private final RecordingListener listener = new RecordingListener();

    @Test
    void marksEachKindSoStderrAndWarningsStandOut() {
        TaskListenerLogSink sink = new TaskListenerLogSink(listener);

        sink.info("Building image");
        sink.warn("could not remove network");
        sink.line(Kind.STDOUT, "test passed");
        sink.line(Kind.STDERR, "deprecation notice");

        assertThat(listener.lines()).containsExactly(
                "[docker-ci] Building image",
                "[docker-ci] WARNING: could not remove network",
                "test passed",
                "[stderr] deprecation notice");
    }

    @Test
    void masksSecretsBeforeWritingEvenAcrossLineBreaks() {
        LogSink sink = TaskListenerLogSink.masking(listener, List.of("s3cr:t\npässwörd", "token42"));

        sink.line(Kind.STDERR, "auth s3cr:t\npässwörd failed; token42 as " + base64("ci-user:token42"));

        assertThat(listener.text()).doesNotContain("s3cr:t", "pässwörd", "token42", base64("token42"));
        assertThat(listener.lines()).hasSize(1).first().asString().startsWith("[stderr] auth **** failed; **** as ");
    }

    @Test
    void splitsTextWithLineBreaksSoEveryConsoleLineKeepsItsMarker() {
        new TaskListenerLogSink(listener).line(Kind.STDERR, "one\r\ntwo\rthree\nfour");

        assertThat(listener.lines()).containsExactly("[stderr] one", "[stderr] two", "[stderr] three", "[stderr] four");
    }

    @Test
    void linesFromManyThreadsNeverInterleave() throws InterruptedException {
        TaskListenerLogSink sink = new TaskListenerLogSink(listener);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                awaitQuietly(start);
                for (int i = 0; i < 200; i++) {
                    sink.line(id % 2 == 0 ? Kind.STDOUT : Kind.STDERR, "thread-" + id + " line-" + i + " " + "x".repeat(50));
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        List<String> lines = listener.lines();
        assertThat(lines).hasSize(8 * 200);
        assertThat(lines).allMatch(l -> l.matches("(\\[stderr] )?thread-\\d line-\\d+ x{50}"));
        Set<String> distinct = lines.stream().collect(Collectors.toSet());
        assertThat(distinct).hasSize(8 * 200);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
