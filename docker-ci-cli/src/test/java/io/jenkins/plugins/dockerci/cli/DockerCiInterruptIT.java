package io.jenkins.plugins.dockerci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerci.engine.BuildAttribution;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C during the tests: the packaged CLI stops, cleans up, and exits with 130. */
class DockerCiInterruptIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    @TempDir
    Path dir;

    @Test
    void sigintDuringTheTestStepCleansUpAndExitsWith130() throws Exception {
        DockerCiRunIT.busyboxProject(dir, """
                dockerBuild:
                  tags: [%s:1]
                dockerTest:
                  command: echo tests-$((1+1))-started; sleep 300
                  services:
                    - image: docker-ci-test/busybox:1
                      alias: web
                      command: [httpd, -f, -p, '8080', -h, /var/www]
                      readiness: {port: 8080}
                """.formatted(DOCKER.uniqueName("sigint")));
        Path jar = Path.of("target", "docker-ci.jar").toAbsolutePath();
        // a shell may start background jobs with SIGINT ignored, and a JVM keeps it ignored: restore the default
        ProcessBuilder builder = new ProcessBuilder(List.of("perl", "-e", "$SIG{INT}='DEFAULT'; exec {$ARGV[0]} @ARGV or die $!",
                "java", "-jar", jar.toString(), "run", "--no-color", "-f", dir.resolve("docker-ci.yml").toString()))
                .redirectErrorStream(true);
        builder.environment().put("DOCKER_CI_OWNER", DOCKER.ownerId());
        builder.environment().put("DOCKER_CI_HOME", dir.resolve("state").toString());
        builder.environment().put("DOCKER_HOST", DOCKER.endpoint().host());
        Process process = builder.start();
        StringBuffer output = new StringBuffer();
        CountDownLatch testsRunning = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.append(line).append('\n');
                    if (line.contains("tests-2-started")) {
                        testsRunning.countDown();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.start();
        try {
            assertThat(testsRunning.await(180, TimeUnit.SECONDS)).as(output::toString).isTrue();
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();

            assertThat(process.waitFor(150, TimeUnit.SECONDS)).as(output::toString).isTrue();
            reader.join(5_000);
            assertThat(process.exitValue()).as(output::toString).isEqualTo(130);
            assertThat(output.toString()).contains("interrupted: stopping and cleaning up", "==> dockerCleanup", "interrupted (exit 130)");
            assertThat(DOCKER.client().listContainersCmd().withShowAll(true).withLabelFilter(DOCKER.ownerFilter()).exec()).isEmpty();
            assertThat(DOCKER.client().listImagesCmd().withLabelFilter(DOCKER.ownerFilter()).exec()).isEmpty();
            // the built image is kept as build cache, under the owner's cache tag only; no run tag is left
            assertThat(DOCKER.client().listImagesCmd().withReferenceFilter(BuildAttribution.runRepository(DOCKER.ownerId())).exec()).isEmpty();
            assertThat(DOCKER.cacheTags()).allSatisfy(tag -> assertThat(DOCKER.client().inspectImageCmd(tag).exec().getRepoTags())
                    .containsExactly(tag));
        } finally {
            process.destroyForcibly();
        }
    }
}
