package io.jenkins.plugins.dockerci.engine.cleanup.crash;

import io.jenkins.plugins.dockerci.engine.RunContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A {@link CrashableFlow} running in a JVM of its own, started with this JVM's classpath, to be killed with SIGKILL. */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path stderr;
    private final List<String> checkpoints = new CopyOnWriteArrayList<>();

    private ChildJvm(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Thread reader = new Thread(this::readCheckpoints, "child-jvm-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code flow} for {@code run}, recording to a ledger in {@code ledgerDirectory}. */
    public static ChildJvm start(Class<? extends CrashableFlow> flow, Path ledgerDirectory, RunContext run) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path stderr = Files.createTempFile(ledgerDirectory, "child-", ".stderr");
        // temporary files of the flow go to the test's directory, which is deleted even though the child is killed
        Process process = new ProcessBuilder(java.toString(), "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + ledgerDirectory,
                "-cp", System.getProperty("java.class.path"), CrashableFlowMain.class.getName(),
                flow.getName(), ledgerDirectory.toString(), run.ownerId(), run.runId())
                .redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        return new ChildJvm(process, stderr);
    }

    /**
     * Waits until the flow reached {@code checkpoint}.
     *
     * @throws AssertionError with the child's error output when it died or took longer than {@code timeout}
     */
    public void awaitCheckpoint(String checkpoint, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!checkpoints.contains(checkpoint)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("The child JVM did not reach checkpoint '" + checkpoint + "' (alive: "
                        + process.isAlive() + ", reached: " + checkpoints + "). Its error output:\n" + errorOutput());
            }
            Thread.sleep(5);
        }
    }

    /** SIGKILL: no shutdown hooks, no finally blocks, no cleanup. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("The child JVM did not die within 30 s of SIGKILL");
        }
    }

    /** The checkpoints reached before the kill, in order. */
    public List<String> checkpoints() {
        return List.copyOf(checkpoints);
    }

    public String errorOutput() {
        try {
            return Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void readCheckpoints() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(Checkpoints.PREFIX)) {
                    checkpoints.add(line.substring(Checkpoints.PREFIX.length()));
                }
            }
        } catch (IOException processGone) {
            // the child was killed: its output ends here
        }
    }
}
