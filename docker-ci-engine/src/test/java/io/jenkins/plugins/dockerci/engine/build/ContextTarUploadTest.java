package io.jenkins.plugins.dockerci.engine.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.LogSink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextTarUploadTest {

    @TempDir
    Path root;

    @Test
    void writesTheSameTarAsTheContextStreamAndReportsItsSize() throws Exception {
        ContextTrees.create(root, List.of("Dockerfile", "a/b.txt", "a/c/d.txt"));
        Files.writeString(root.resolve(".dockerignore"), "a/c\n");
        BuildContext context = BuildContext.resolve(BuildRequest.builder(root).build());
        List<String> log = new ArrayList<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();

        ContextTarUpload upload = new ContextTarUpload(context, (kind, text) -> log.add(text));
        upload.writeTo(body);

        byte[] streamed;
        try (ContextStream stream = ContextStream.start(context, LogSink.NONE)) {
            streamed = stream.readAllBytes();
        }
        assertThat(body.toByteArray()).isEqualTo(streamed);
        assertThat(names(body.toByteArray())).containsExactly(".dockerignore", "Dockerfile", "a/", "a/b.txt");
        assertThat(upload.failure()).isNull();
        assertThat(log).singleElement().asString().matches("Sent the build context: [0-9.]+ kB in 4 entries");
    }

    @Test
    void anUnreadableContextFailsTheUploadAndIsKeptAsTheCause(@TempDir Path elsewhere) throws Exception {
        BuildContext context = ContextTrees.withVanishedDockerfile(root, elsewhere);
        ContextTarUpload upload = new ContextTarUpload(context, LogSink.NONE);

        assertThatThrownBy(() -> upload.writeTo(OutputStream.nullOutputStream()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("The build context could not be archived")
                .hasCauseInstanceOf(NoSuchFileException.class);
        assertThat(upload.failure()).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aBrokenConnectionIsNotTheContextsFailure() throws Exception {
        ContextTrees.create(root, List.of("Dockerfile"));
        Files.write(root.resolve("big.bin"), new byte[1 << 20]);
        ContextTarUpload upload = new ContextTarUpload(BuildContext.resolve(BuildRequest.builder(root).build()), LogSink.NONE);
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };

        assertThatThrownBy(() -> upload.writeTo(broken)).isInstanceOf(IOException.class).hasMessage("Broken pipe");
        assertThat(upload.failure()).isNull();
    }

    private static List<String> names(byte[] tarBytes) throws IOException {
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(tarBytes))) {
            for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
