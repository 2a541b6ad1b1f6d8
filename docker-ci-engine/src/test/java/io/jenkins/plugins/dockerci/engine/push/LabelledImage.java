package io.jenkins.plugins.dockerci.engine.push;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A small image built for a test from the busybox base, with the run's labels (so the Docker extension finds it if
 * a test forgets it) and a file of its own (so its layer is new to the registry). Closing removes it with all its tags.
 */
final class LabelledImage implements AutoCloseable {

    private final DockerClient docker;
    private final String id;

    private LabelledImage(DockerClient docker, String id) {
        this.docker = docker;
        this.id = id;
    }

    static LabelledImage build(DockerClient docker, Map<String, String> labels, String content) {
        String shortId = docker.buildImageCmd(new ByteArrayInputStream(context(content)))
                .withLabels(labels)
                .withForcerm(true)
                .exec(new BuildImageResultCallback())
                .awaitImageId(2, TimeUnit.MINUTES);
        return new LabelledImage(docker, docker.inspectImageCmd(shortId).exec().getId());
    }

    String id() {
        return id;
    }

    @Override
    public void close() {
        try {
            docker.removeImageCmd(id).withForce(true).exec();
        } catch (NotFoundException alreadyGone) {
            // a test removed it itself (to pull it back from the registry)
        }
    }

    private static byte[] context(String content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            add(tar, "Dockerfile", "FROM " + TestImages.BUSYBOX + "\nCOPY content.txt /content.txt\n");
            add(tar, "content.txt", content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void add(TarArchiveOutputStream tar, String name, String text) throws IOException {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(data.length);
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
    }
}
