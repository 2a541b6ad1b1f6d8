package io.jenkins.plugins.dockerci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/docker-ci} records a class data sharing archive on the first {@code run} after the jar changed and starts
 * later runs from it, without changing what a run prints or how it exits. Runs a copy of the script and the packaged
 * jar in a folder of its own, so the checkout's archive is not touched; a {@code run} of a missing flow file needs no
 * Docker and loads enough classes to show the archive at work.
 */
class LauncherClassDataSharingIT {

    /** Java's log of where each class came from: the jar, or the archive (the "top" layer over Java's own). */
    private static final String LOG_CLASS_LOADING = "-Xlog:class+load=info:stderr";
    private static final String MAIN_FROM_ARCHIVE = "io.jenkins.plugins.dockerci.cli.Main source: shared objects file (top)";
    private static final String MAIN_FROM_JAR = "io.jenkins.plugins.dockerci.cli.Main source: file:";

    @TempDir
    Path checkout;

    private Path jar;
    private Path archive;

    @BeforeEach
    void copyTheLauncherAndTheJar() throws IOException {
        Path script = checkout.resolve("bin/docker-ci");
        Files.createDirectories(script.getParent());
        Files.copy(Path.of("..", "bin", "docker-ci"), script, StandardCopyOption.COPY_ATTRIBUTES);
        jar = checkout.resolve("docker-ci-cli/target/docker-ci.jar");
        Files.createDirectories(jar.getParent());
        Files.copy(Path.of("target", "docker-ci.jar"), jar);
        archive = checkout.resolve("docker-ci-cli/target/docker-ci.jsa");
    }

    @Test
    void theFirstRunRecordsTheArchiveAndTheNextRunsStartFromItWithTheSameOutputAndExitCode() throws Exception {
        Result version = launch(Map.of(), "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.output()).isEqualTo("docker-ci 0.1.0\n");
        assertThat(archive).as("only a run records the archive: a --version would record too few classes").doesNotExist();

        Result first = launch(Map.of(), "run", "-f", "missing.yml");
        assertThat(first.exitCode()).isEqualTo(2);
        assertThat(first.output()).startsWith("missing.yml has 1 problem(s):");
        assertThat(first.errors()).as("Java says nothing of the archive it writes").isEmpty();
        assertThat(archive).isRegularFile();

        Result shared = launch(Map.of("DOCKER_CI_JAVA_OPTS", LOG_CLASS_LOADING), "run", "-f", "missing.yml");
        assertThat(shared.exitCode()).isEqualTo(2);
        assertThat(shared.errors()).contains(MAIN_FROM_ARCHIVE);
        assertThat(shared.output()).isEqualTo(first.output());
    }

    @Test
    void aJarNewerThanTheArchiveIsNotStartedFromItAndTheNextRunRecordsItAgain() throws Exception {
        launch(Map.of(), "run", "-f", "missing.yml");
        Instant rebuilt = Instant.now().minusSeconds(60);
        Files.setLastModifiedTime(archive, FileTime.from(rebuilt.minusSeconds(60)));
        Files.setLastModifiedTime(jar, FileTime.from(rebuilt));

        Result version = launch(Map.of("DOCKER_CI_JAVA_OPTS", LOG_CLASS_LOADING), "--version");
        assertThat(version.errors()).as("the stale archive is not offered to Java").contains(MAIN_FROM_JAR)
                .doesNotContain(MAIN_FROM_ARCHIVE);

        launch(Map.of(), "run", "-f", "missing.yml");
        assertThat(Files.getLastModifiedTime(archive).toInstant()).isAfter(rebuilt);
        assertThat(launch(Map.of("DOCKER_CI_JAVA_OPTS", LOG_CLASS_LOADING), "--version").errors()).contains(MAIN_FROM_ARCHIVE);
    }

    @Test
    void xshareOffTurnsClassDataSharingOff() throws Exception {
        Result run = launch(Map.of("DOCKER_CI_JAVA_OPTS", "-Xshare:off"), "run", "-f", "missing.yml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).startsWith("missing.yml has 1 problem(s):");
        assertThat(archive).doesNotExist();
    }

    private Result launch(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile(checkout, "stdout", ".txt");
        Path stderr = Files.createTempFile(checkout, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(concat(checkout.resolve("bin/docker-ci").toString(), arguments))
                .directory(checkout.toFile()).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().remove("DOCKER_CI_JAVA_OPTS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private static List<String> concat(String command, String... arguments) {
        return Stream.concat(Stream.of(command), Arrays.stream(arguments)).toList();
    }

    /** What a launch printed: the CLI's own output, and what went to stderr (here: Java's logs). */
    private record Result(int exitCode, String output, String errors) {
    }
}
