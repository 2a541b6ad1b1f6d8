package io.jenkins.plugins.dockerci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.execute(args, Map.of("DOCKER_CI_HOME", dir.resolve("state").toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void validatePrintsEveryProblemWithFileLineAndPathAndExitsWith2() throws IOException {
        Path file = Files.writeString(dir.resolve("docker-ci.yml"), "dockerBuld:\n  tags: [a]\ndockerTest:\n  image: app:1\n  timout: 5m\n");

        assertThat(run("validate", "-f", file.toString())).isEqualTo(2);
        assertThat(output()).contains("has 2 problem(s)")
                .contains("docker-ci.yml:line 1, dockerBuld: unknown key 'dockerBuld'. Did you mean 'dockerBuild'?")
                .contains("docker-ci.yml:line 5, dockerTest.timout: unknown key 'timout'. Did you mean 'timeout'?");
    }

    @Test
    void validateAcceptsAGoodFileWithoutDocker() throws IOException {
        Path file = Files.writeString(dir.resolve("docker-ci.yml"), "dockerTest:\n  image: app:1\n  command: make test\n");

        assertThat(run("validate", "-f", file.toString())).isZero();
        assertThat(output()).contains("is valid");
    }

    @Test
    void runRejectsAnUnknownStepInOnlyWith2() throws IOException {
        Path file = Files.writeString(dir.resolve("docker-ci.yml"), "dockerTest:\n  image: app:1\n");

        assertThat(run("run", "-f", file.toString(), "--only", "test,deploy")).isEqualTo(2);
        assertThat(output()).contains("--only deploy: not a step; use build, test or push");
    }

    @Test
    void aMissingFileIsInvalidInput() {
        assertThat(run("run", "-f", dir.resolve("nope.yml").toString())).isEqualTo(2);
        assertThat(output()).contains("nope.yml does not exist; give the file with -f");
    }

    @Test
    void anUnknownOptionIsInvalidInput() {
        assertThat(run("run", "--colour")).isEqualTo(2);
        assertThat(output()).contains("Unknown option: '--colour'");
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(output()).contains("run", "validate", "reap", "130", "tests failed");
    }
}
