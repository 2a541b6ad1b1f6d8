package io.jenkins.plugins.dockerci.engine.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.LogSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextStreamTest {

    @TempDir
    Path root;

    @Test
    void streamsTheWholeContextAndReportsItsSize() throws Exception {
        ContextTrees.create(root, List.of("Dockerfile", "a/b.txt"));
        List<String> log = new ArrayList<>();

        List<String> names = new ArrayList<>();
        try (ContextStream stream = ContextStream.start(BuildContext.resolve(BuildRequest.builder(root).build()), (k, t) -> log.add(t));
                TarArchiveInputStream tar = new TarArchiveInputStream(stream)) {
            for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                names.add(entry.getName());
            }
            assertThat(stream.awaitWriter(10, TimeUnit.SECONDS)).isTrue();
            assertThat(stream.failure()).isNull();
        }
        assertThat(names).containsExactly("Dockerfile", "a/", "a/b.txt");
        assertThat(log).singleElement().asString().matches("Sent the build context: [0-9.]+ kB in 3 entries");
    }

    @Test
    void writerFailureReachesTheReaderInsteadOfAQuietEnd(@TempDir Path elsewhere) throws Exception {
        BuildContext context = ContextTrees.withVanishedDockerfile(root, elsewhere);

        try (ContextStream stream = ContextStream.start(context, LogSink.NONE)) {
            assertThatThrownBy(() -> drain(stream))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("The build context could not be archived")
                    .hasCauseInstanceOf(NoSuchFileException.class);
            assertThat(stream.failure()).isInstanceOf(NoSuchFileException.class);
        }
    }

    @Test
    void closingTheStreamStopsTheWriter() throws Exception {
        ContextTrees.create(root, List.of("Dockerfile"));
        Files.write(root.resolve("big.bin"), new byte[8 << 20]);

        ContextStream stream = ContextStream.start(BuildContext.resolve(BuildRequest.builder(root).build()), LogSink.NONE);
        stream.read(new byte[1024]);
        stream.close();

        assertThat(stream.awaitWriter(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.failure()).isInstanceOf(IOException.class);
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        while (in.read(buffer) >= 0) {
            // read to the end
        }
    }

    @Test
    void humanSizes() {
        assertThat(ContextStream.humanSize(512)).isEqualTo("512 B");
        assertThat(ContextStream.humanSize(1536)).isEqualTo("1.5 kB");
        assertThat(ContextStream.humanSize(300L << 20)).isEqualTo("300.0 MB");
    }
}
