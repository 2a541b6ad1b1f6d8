package io.jenkins.plugins.dockerci.engine.cleanup;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import io.jenkins.plugins.dockerci.engine.testsupport.MarkedBuildSteps;
import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Creates labelled resources the way engine services do: tell the tracker, create with the run's labels, confirm
 * with the id. Used by the cleanup tests and by the flows of the crash tests.
 */
public final class RunFixture {

    private final EngineContext ctx;
    private final DockerClient docker;

    public RunFixture(EngineContext ctx) {
        this.ctx = ctx;
        this.docker = ctx.docker();
    }

    public String network(String name) {
        ctx.tracker().creating(ResourceKind.NETWORK, name);
        String id = docker.createNetworkCmd().withName(name).withDriver("bridge").withLabels(ctx.labels()).exec().getId();
        ctx.tracker().created(ResourceKind.NETWORK, name, id);
        return id;
    }

    public String volume(String name) {
        ctx.tracker().creating(ResourceKind.VOLUME, name);
        String created = docker.createVolumeCmd().withName(name).withLabels(ctx.labels()).exec().getName();
        ctx.tracker().created(ResourceKind.VOLUME, name, created);
        return created;
    }

    /**
     * A started busybox container sleeping on {@code network} (may be null) with an anonymous volume at /scratch
     * and, when {@code volume} is not null, that named volume at /data.
     */
    public String container(String name, String network, String volume) {
        ctx.tracker().creating(ResourceKind.CONTAINER, name);
        HostConfig host = HostConfig.newHostConfig().withInit(true);
        if (network != null) {
            host.withNetworkMode(network);
        }
        if (volume != null) {
            host.withBinds(new Bind(volume, new Volume("/data")));
        }
        String id = docker.createContainerCmd(TestImages.BUSYBOX).withName(name).withCmd("sleep", "600")
                .withLabels(ctx.labels()).withVolumes(new Volume("/scratch")).withHostConfig(host).exec().getId();
        ctx.tracker().created(ResourceKind.CONTAINER, name, id);
        docker.startContainerCmd(id).exec();
        return id;
    }

    /**
     * Builds a small image from a streamed context, labelled with the run and tagged {@code reference}. The RUN step
     * names the run, so that the images of a build cut off half-way can be told apart ({@link MarkedBuildSteps}).
     */
    public String image(String reference, boolean withRunStep) {
        String dockerfile = "FROM " + TestImages.BUSYBOX + "\n"
                + (withRunStep ? "RUN echo built " + ctx.run().runId() + " > /built.txt\n" : "")
                + "COPY hello.txt /hello.txt\nCMD [\"cat\", \"/hello.txt\"]\n";
        ctx.tracker().creating(ResourceKind.IMAGE, reference);
        String id = docker.buildImageCmd(new ByteArrayInputStream(context(dockerfile)))
                .withTags(Set.of(reference)).withLabels(ctx.labels()).withForcerm(true).withPull(false)
                // no shared cache: another run removing its image must not pull layers from under this build
                .withNoCache(true)
                .exec(new BuildImageResultCallback()).awaitImageId(2, TimeUnit.MINUTES);
        ctx.tracker().created(ResourceKind.IMAGE, reference, id);
        return id;
    }

    /** Adds {@code reference} ("repo:tag") to an image. */
    public void tag(String imageId, String reference) {
        int colon = reference.lastIndexOf(':');
        ctx.tracker().creating(ResourceKind.TAG, reference);
        docker.tagImageCmd(imageId, reference.substring(0, colon), reference.substring(colon + 1)).exec();
        ctx.tracker().created(ResourceKind.TAG, reference, imageId);
    }

    // a build context of two small files: buffering it is fine for a fixture
    private static byte[] context(String dockerfile) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            add(tar, "Dockerfile", dockerfile);
            add(tar, "hello.txt", "hello from the cleanup fixture\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void add(TarArchiveOutputStream tar, String name, String content) throws IOException {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(data.length);
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
    }
}
