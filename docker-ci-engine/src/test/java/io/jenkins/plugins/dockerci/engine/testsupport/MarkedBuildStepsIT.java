package io.jenkins.plugins.dockerci.engine.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MarkedBuildStepsIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    @Test
    void removesTheUntaggedImagesFromTheMarkedStepOnButNoOtherUntaggedImage() throws IOException {
        DockerClient docker = DOCKER.client();
        long started = Instant.now().getEpochSecond() - 1;
        String marker = DOCKER.uniqueName("marker");
        // untagged builds stand for builds cut off before their end: nothing names what they committed
        String marked = build(docker, "RUN echo built " + marker + " > /built.txt\nCMD [\"cat\", \"/built.txt\"]\n");
        String markedStep = docker.inspectImageCmd(marked).exec().getParent();
        String other = build(docker, "RUN echo " + DOCKER.uniqueName("other") + " > /other.txt\n");
        try {
            List<String> removed = MarkedBuildSteps.removeUntagged(docker, marker, started);

            assertThat(removed).hasSize(2).anyMatch(line -> line.contains("echo built " + marker));
            assertThatThrownBy(() -> docker.inspectImageCmd(marked).exec()).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> docker.inspectImageCmd(markedStep).exec()).isInstanceOf(NotFoundException.class);
            assertThat(docker.inspectImageCmd(other).exec().getId()).as("not marked: not the caller's").isNotBlank();
        } finally {
            docker.removeImageCmd(other).exec();
        }
    }

    private static String build(DockerClient docker, String steps) throws IOException {
        byte[] dockerfile = ("FROM " + TestImages.BUSYBOX + "\n" + steps).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream context = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(context)) {
            TarArchiveEntry entry = new TarArchiveEntry("Dockerfile");
            entry.setSize(dockerfile.length);
            tar.putArchiveEntry(entry);
            tar.write(dockerfile);
            tar.closeArchiveEntry();
        }
        String id = docker.buildImageCmd(new ByteArrayInputStream(context.toByteArray())).withForcerm(true).withPull(false)
                .exec(new BuildImageResultCallback()).awaitImageId(2, TimeUnit.MINUTES);
        return docker.inspectImageCmd(id).exec().getId();
    }
}
