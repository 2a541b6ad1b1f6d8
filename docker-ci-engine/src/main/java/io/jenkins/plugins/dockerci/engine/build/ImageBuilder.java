package io.jenkins.plugins.dockerci.engine.build;

import com.github.dockerjava.api.command.BuildImageCmd;
import io.jenkins.plugins.dockerci.engine.BuildAttribution;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import io.jenkins.plugins.dockerci.engine.registry.RegistryAuth;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Builds an image from a Dockerfile in a workspace, as {@code docker build} would, with the builder the request
 * chooses ({@link BuilderSelection}): the engine's BuildKit (see {@link BuildKitImageBuild}) or the classic builder.
 * The {@link BuiltImage} says which one ran.
 *
 * <p>The context is streamed to the engine while it is archived (see {@link ContextStream}), honouring
 * {@code .dockerignore} exactly as the docker CLI does. The build output reaches the {@link LogSink} line by line as
 * it happens. With either builder the image is attributed to the run as {@link BuildAttribution} describes: no
 * label of ours goes into the build (each would be a {@code LABEL} step of the classic builder, uncached whenever a
 * layer before it changed), only the run's tag ({@link BuildAttribution#runTag}), which the engine applies together
 * with the requested tags; so an unchanged project rebuilds fully from cache, as with a plain {@code docker build}.
 * The image and each requested tag are reported to the run's tracker before the engine is asked to build it. The
 * classic builder's intermediate containers are always removed, and the images it committed for other stages of a
 * multi-stage Dockerfile are recorded with the run ({@link StageImages}), so cleanup keeps them as build cache or
 * removes them; when a classic build fails or is stopped, the
 * intermediate images it committed are removed too, even one the engine committed after it was stopped (see
 * {@link BuildLeftovers}), so a failed build leaves nothing behind. BuildKit commits no intermediate images.
 */
public final class ImageBuilder {

    private static final long WRITER_STOP_SECONDS = 30;

    private final EngineContext ctx;

    /** A builder that pulls base images with the context's registry credentials. */
    public ImageBuilder(EngineContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Builds the image.
     *
     * @throws io.jenkins.plugins.dockerci.engine.InvalidRequestException when the context, Dockerfile or
     *                                                                    {@code .dockerignore} is unusable (nothing sent)
     * @throws DockerCiException naming the failing step and the engine's message when the build fails, times out or
     *                           is interrupted (the interrupt flag stays set), or when BuildKit is required and the
     *                           engine does not offer it
     */
    public BuiltImage build(BuildRequest request, LogSink log) {
        BuildContext context = BuildContext.resolve(request);
        BuilderSelection choice = BuilderSelection.choose(request, ctx.docker(), ctx.registries());
        long started = System.nanoTime();
        String what = describe(context);
        // an untagged build is still named by its run tag, so even an unconfirmed record leads to the image
        String imageName = request.tags().isEmpty() ? BuildAttribution.runTag(ctx.run()) : request.tags().get(0);
        ctx.tracker().creating(ResourceKind.IMAGE, imageName);
        request.tags().forEach(tag -> ctx.tracker().creating(ResourceKind.TAG, tag));
        log.info("Building " + (request.tags().isEmpty() ? "an untagged image" : String.join(", ", request.tags()))
                + " from " + what + " with " + choice.describe());

        String imageId = choice.client().isPresent()
                ? new BuildKitImageBuild(choice.client().get(), ctx).build(request, context.forBuildKit(), what, log)
                : buildClassic(request, context, what, log);
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        ctx.tracker().created(ResourceKind.IMAGE, imageName, imageId);
        request.tags().forEach(tag -> ctx.tracker().created(ResourceKind.TAG, tag, imageId));
        log.info("Built image " + shortId(imageId) + " in " + formatDuration(duration)
                + (request.tags().isEmpty() ? "" : ", tagged " + String.join(", ", request.tags())));
        return new BuiltImage(imageId, request.tags(), duration, choice.builder());
    }

    /** The classic builder's build; returns the image id. */
    private String buildClassic(BuildRequest request, BuildContext context, String what, LogSink log) {
        // compared with image creation times, which come from the engine's clock, not the run's
        BuildLeftovers leftovers = new BuildLeftovers(ctx.docker(), ctx.run(), Instant.now().getEpochSecond());
        BuildLog lines = new BuildLog(log);
        BuildCallback callback = new BuildCallback(lines);
        ContextStream stream = openStream(context, log);
        try {
            command(request, context, stream).withBuildAuthConfigs(RegistryAuth.forBuild(ctx.registries(), log)).exec(callback);
            awaitBuild(callback, request.timeout(), what, lines, leftovers);
        } finally {
            lines.flush();
            closeQuietly(stream);
            stopWriter(stream);
        }
        String imageId = checkOutcome(context, what, stream, callback, lines, leftovers);
        recordStageImages(lines, imageId, log);
        return imageId;
    }

    /**
     * Records with the run the images the build committed for its other stages (see {@link StageImages}), so that
     * cleanup keeps them as build cache or removes them like the built image instead of leaving them dangling.
     */
    private void recordStageImages(BuildLog lines, String imageId, LogSink log) {
        List<String> stages = new StageImages(ctx.docker()).of(lines.createdImages(), imageId);
        for (String stage : stages) {
            // named by its id: it has no other name, and a report's "docker rmi <name>" then works as it is
            String name = shortId(stage);
            ctx.tracker().creating(ResourceKind.IMAGE, name);
            ctx.tracker().created(ResourceKind.IMAGE, name, stage);
        }
        if (!stages.isEmpty()) {
            log.info("The classic builder left " + stages.size() + " image(s) of other stages ("
                    + stages.stream().map(ImageBuilder::shortId).collect(Collectors.joining(", "))
                    + "); cleanup treats them as it treats the built image.");
        }
    }

    private BuildImageCmd command(BuildRequest request, BuildContext context, ContextStream stream) {
        Set<String> tags = new LinkedHashSet<>(request.tags());
        tags.add(BuildAttribution.runTag(ctx.run()));
        BuildImageCmd cmd = ctx.docker().buildImageCmd(stream)
                .withDockerfilePath(context.dockerfileName())
                .withLabels(request.imageLabels())
                .withForcerm(true)
                .withRemove(true)
                .withPull(request.pull())
                .withNoCache(request.noCache())
                .withTags(tags);
        if (request.platform() != null) {
            cmd.withPlatform(request.platform());
        }
        if (request.target() != null) {
            cmd.withTarget(request.target());
        }
        if (!request.cacheFrom().isEmpty()) {
            cmd.withCacheFrom(new LinkedHashSet<>(request.cacheFrom()));
        }
        request.buildArgs().forEach(cmd::withBuildArg);
        return cmd;
    }

    private void awaitBuild(BuildCallback callback, Duration timeout, String what, BuildLog lines, BuildLeftovers leftovers) {
        boolean completed;
        try {
            completed = callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            stop(callback, lines, leftovers);
            Thread.currentThread().interrupt();
            throw new DockerCiException("Docker build of " + what + " was interrupted" + atStep(lines)
                    + "; the build was stopped and its intermediate containers and images removed.", e);
        }
        if (!completed) {
            stop(callback, lines, leftovers);
            throw new DockerCiException("Docker build of " + what + " did not finish within " + formatDuration(timeout)
                    + atStep(lines) + "; it was stopped. Raise the build timeout if the build needs longer.");
        }
    }

    private String checkOutcome(BuildContext context, String what, ContextStream stream, BuildCallback callback, BuildLog lines,
            BuildLeftovers leftovers) {
        Throwable writerFailure = stream.failure();
        String step = lines.currentStep();
        if (callback.daemonError() != null) {
            leftovers.removeFinished(lines);
            throw new DockerCiException(BuildFailures.message(what, step, callback.daemonError(), ctx.registries()));
        }
        if (callback.transportError() != null) {
            // the connection broke, not necessarily the build: the engine may still commit the step in progress
            leftovers.removeStopped(lines);
            if (writerFailure != null) {
                throw contextFailure(context, writerFailure);
            }
            throw new DockerCiException(BuildFailures.message(what, step, BuildFailures.daemonMessage(callback.transportError())),
                    callback.transportError());
        }
        if (writerFailure != null) {
            leftovers.removeFinished(lines);
            throw contextFailure(context, writerFailure);
        }
        String reported = lines.builtImageId();
        if (reported == null) {
            leftovers.removeFinished(lines);
            throw new DockerCiException("Docker build of " + what + " ended without reporting an image id" + atStep(lines)
                    + ". The Docker engine may have restarted; run the build again.");
        }
        return ctx.docker().inspectImageCmd(reported).exec().getId();
    }

    static DockerCiException contextFailure(BuildContext context, Throwable cause) {
        return new DockerCiException("Could not send the build context " + context.root() + ": " + cause.getMessage()
                + ". Check that every file in the context (or not excluded by .dockerignore) can be read.", cause);
    }

    /** Stops a running build: closing the response makes the engine cancel it after the step in progress. */
    private static void stop(BuildCallback callback, BuildLog lines, BuildLeftovers leftovers) {
        try {
            callback.close();
        } catch (IOException alreadyClosed) {
            // closed either way
        }
        leftovers.removeStopped(lines);
    }

    private static ContextStream openStream(BuildContext context, LogSink log) {
        try {
            return ContextStream.start(context, log);
        } catch (IOException e) {
            throw new DockerCiException("Could not start sending the build context " + context.root() + ": " + e.getMessage(), e);
        }
    }

    private static void stopWriter(ContextStream stream) {
        try {
            stream.awaitWriter(WRITER_STOP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(ContextStream stream) {
        try {
            stream.close();
        } catch (IOException alreadyClosed) {
            // the writer stops on its next write either way
        }
    }

    private static String atStep(BuildLog lines) {
        return lines.currentStep() == null ? "" : " (at step " + lines.currentStep() + ")";
    }

    private static String describe(BuildContext context) {
        return context.dockerfile() + " (context " + context.root() + ")";
    }

    private static String shortId(String imageId) {
        String hex = imageId.startsWith("sha256:") ? imageId.substring(7) : imageId;
        return hex.substring(0, Math.min(12, hex.length()));
    }

    private static String formatDuration(Duration duration) {
        long millis = duration.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
