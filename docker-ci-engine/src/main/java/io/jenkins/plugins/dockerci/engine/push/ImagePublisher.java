package io.jenkins.plugins.dockerci.engine.push;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.image.ImageReference;
import io.jenkins.plugins.dockerci.engine.log.SecretMasker;
import io.jenkins.plugins.dockerci.engine.push.PushResult.PushedTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Tags a local image with each target reference and pushes the targets to their registries, with the request's
 * credentials and retry policy.
 *
 * <p>Tags come first; each added tag is reported to the run's tracker before it is created, so cleanup removes it
 * even if the push fails. Every line passes through a {@link SecretMasker} around the caller's sink, and exception
 * messages are masked the same way. Credentials are always sent explicitly (an empty auth for anonymous pushes),
 * so the user's {@code ~/.docker/config.json} is never used behind the caller's back. Targets are pushed one after
 * the other; the first that fails ends the push with a {@link PushFailedException}.
 */
public final class ImagePublisher {

    private final EngineContext ctx;
    private final Retrying.Sleeper sleeper;

    public ImagePublisher(EngineContext ctx) {
        this(ctx, Retrying.Sleeper.REAL);
    }

    ImagePublisher(EngineContext ctx, Retrying.Sleeper sleeper) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.sleeper = sleeper;
    }

    /**
     * Tags and pushes.
     *
     * @param log receives one line per tag added, per layer state change and per pushed target (with its digest)
     * @return each target with the digest its registry reported
     * @throws SourceImageNotFoundException     when the source image is not on the engine (nothing was tagged)
     * @throws RegistryAuthenticationException  when credentials are missing, rejected, or not allowed to push
     * @throws RegistryUnreachableException     when the engine cannot connect to a registry
     * @throws PushFailedException              for any other failure, after the retries transient failures get
     */
    public PushResult push(PushRequest request, LogSink log) {
        SecretMasker masked = SecretMasker.wrap(Objects.requireNonNull(log, "log"), request.secrets());
        InspectImageResponse image = inspect(request.source());
        masked.info("Publishing image " + LocalTagger.shortId(image.getId()) + " (" + humanSize(image.getSize() == null ? 0 : image.getSize())
                + ") to " + request.targets().size() + (request.targets().size() == 1 ? " target" : " targets"));
        List<ImageReference> added = new LocalTagger(ctx).tag(image, request.targets(), masked);
        TargetPusher pusher = new TargetPusher(ctx.docker());
        Retrying retrying = new Retrying(request.retry(), sleeper);
        List<PushedTag> pushed = new ArrayList<>();
        for (ImageReference target : request.targets()) {
            RegistryCredentials credentials = request.credentialsFor(target.domain());
            masked.info("Pushing " + target + (credentials == null ? " (no credentials)" : " as " + describe(credentials)));
            PushedTag result = pushWithRetries(target, credentials, request, pusher, retrying, masked);
            masked.info("Pushed " + target + " digest " + result.digest() + " (manifest " + result.manifestSize() + " bytes)");
            ctx.tracker().pushed(target.toString());
            pushed.add(result);
        }
        return new PushResult(image.getId(), image.getSize() == null ? 0 : image.getSize(), pushed, added);
    }

    private PushedTag pushWithRetries(ImageReference target, RegistryCredentials credentials, PushRequest request,
                                      TargetPusher pusher, Retrying retrying, SecretMasker masked) {
        var auth = RegistryAuth.forRegistry(target.domain(), credentials);
        try {
            return retrying.run(() -> pusher.pushOnce(target, auth, credentials != null, request.timeout(), masked),
                    (failure, next, wait) -> masked.warn("Push of " + target + " failed (" + failure.words() + "); attempt "
                            + next + " of " + request.retry().maxAttempts() + " in " + wait.toMillis() / 1000.0 + " s"));
        } catch (Retrying.FinalFailure e) {
            AttemptFailedException last = e.last();
            throw PushFailedException.of(last.failure(), target, masked.mask(last.words()), e.attempts(), request.timeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerCiException("The push of " + target + " was interrupted while waiting to retry.");
        }
    }

    private InspectImageResponse inspect(String source) {
        try {
            return ctx.docker().inspectImageCmd(source).exec();
        } catch (NotFoundException e) {
            throw new SourceImageNotFoundException(source);
        }
    }

    private static String describe(RegistryCredentials credentials) {
        return credentials.username() != null ? "user " + credentials.username() : "identity token";
    }

    private static String humanSize(long bytes) {
        return bytes < 1_000_000 ? bytes / 1000 + " kB" : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
