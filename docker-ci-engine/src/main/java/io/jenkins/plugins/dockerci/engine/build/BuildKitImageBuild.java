package io.jenkins.plugins.dockerci.engine.build;

import io.jenkins.plugins.dockerci.engine.BuildAttribution;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.buildkit.BuildKitClient;
import io.jenkins.plugins.dockerci.engine.buildkit.BuildKitRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The BuildKit path of {@link ImageBuilder}: the same {@code .dockerignore}-exact context as the classic path,
 * archived straight into the request by which a {@link BuildKitClient} sends it to the engine's BuildKit.
 *
 * <p>The image is attributed to the run as with the classic builder ({@link BuildAttribution}): the run's tag beside
 * the requested tags, only the caller's labels in the image config, so a rebuild of an unchanged project is fully
 * cached and gives the same image. BuildKit runs its steps in its own containers and commits no intermediate images
 * to the engine's image store: a failed or stopped build leaves nothing for cleanup but, at most, the image it was
 * exporting when stopped, which carries the run's tag.
 */
final class BuildKitImageBuild {

    private final BuildKitClient client;
    private final EngineContext ctx;

    BuildKitImageBuild(BuildKitClient client, EngineContext ctx) {
        this.client = client;
        this.ctx = ctx;
    }

    /** Builds; returns the image id. */
    String build(BuildRequest request, BuildContext context, String what, LogSink log) {
        List<String> tags = new ArrayList<>(request.tags());
        tags.add(BuildAttribution.runTag(ctx.run()));
        BuildKitRequest buildKit = new BuildKitRequest(context.root().getFileName() == null ? "context"
                : context.root().getFileName().toString(), context.dockerfileName(), tags, request.buildArgs(),
                request.target(), request.imageLabels(), request.noCache(), request.pull(), request.cacheFrom(),
                request.platform(), request.secrets());
        ContextTarUpload upload = new ContextTarUpload(context, log);
        try {
            return client.build(buildKit, upload, what, request.timeout(), log);
        } catch (DockerCiException e) {
            // a context that could not be read breaks the upload: that, not the broken upload, is the cause to report
            if (upload.failure() != null && !Thread.currentThread().isInterrupted()) {
                throw ImageBuilder.contextFailure(context, upload.failure());
            }
            throw e;
        }
    }
}
