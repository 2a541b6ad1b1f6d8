package io.jenkins.plugins.dockerci.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerci.engine.BuildAttribution;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A context four times larger than the heap of the JVM that sends it still builds: nothing of it is held in memory. */
class LargeContextIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    private static final int FILES = 16;
    private static final long FILE_SIZE = 32L << 20;
    private static final long HEAP = 128L << 20;

    @TempDir
    Path context;

    @Test
    void contextLargerThanTheHeapBuildsInASmallHeapJvm() throws IOException, InterruptedException {
        Files.writeString(context.resolve("Dockerfile"), "FROM " + TestImages.BUSYBOX + "\n");
        for (int i = 0; i < FILES; i++) {
            // sparse files: 512 MB to send without writing 512 MB to disk first
            try (RandomAccessFile file = new RandomAccessFile(context.resolve("blob-" + i + ".bin").toFile(), "rw")) {
                file.setLength(FILE_SIZE);
            }
        }
        RunContext run = DOCKER.newRun();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx" + (HEAP >> 20) + "m",
                "-cp", System.getProperty("java.class.path"), SmallHeapBuild.class.getName(),
                context.toString(), run.ownerId(), run.runId())
                .redirectErrorStream(true).start();
        List<String> output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join("\n", output)).isZero();

        // FROM alone builds the base image itself: only the run tag is the build's to take away
        assertThat(value(output, "IMAGE ")).isEqualTo(DOCKER.client().inspectImageCmd(TestImages.BUSYBOX).exec().getId());
        DOCKER.client().removeImageCmd(BuildAttribution.runTag(run)).exec();
        assertThat(Long.parseLong(value(output, "MAX_HEAP "))).isLessThanOrEqualTo(HEAP);
        assertThat((long) FILES * FILE_SIZE).isGreaterThanOrEqualTo(4 * HEAP);
    }

    private static String value(List<String> output, String prefix) {
        return output.stream().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + prefix + "in:\n" + String.join("\n", output)));
    }
}
