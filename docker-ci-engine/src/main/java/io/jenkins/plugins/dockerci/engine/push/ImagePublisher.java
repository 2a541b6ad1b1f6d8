package io.jenkins.plugins.dockerci.engine.push;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.image.ImageReference;
import io.jenkins.plugins.dockerci.engine.log.SecretMasker;
import io.jenkins.plugins.dockerci.engine.push.PushResult.PushedTag;
import io.jenkins.plugins.dockerci.engine.registry.RegistryAuth;
import io.jenkins.plugins.dockerci.engine.registry.RegistryCredentials;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins.RegistryLogin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Tags a local image with each target reference and pushes the targets to their registries, with the request's
 * retry policy and, per registry, the request's own credentials or else the run's
 * ({@link io.jenkins.plugins.dockerci.engine.EngineContext#registries()}).
 *
 * <p>Tags come first; each added tag is reported to the run's tracker before it is created, so cleanup removes it
 * even if the push fails. Every line passes through a {@link SecretMasker} around the caller's sink, and exception
 * messages are masked the same way. Credentials are always sent explicitly (an empty auth for anonymous pushes),
 * so nothing but the run's sources of credentials is used (never the user's {@code ~/.docker/config.json} behind the
 * caller's back). Targets are pushed one after
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
        Map<ImageReference, Optional<RegistryLogin>> logins = new LinkedHashMap<>();
        request.targets().forEach(target -> logins.put(target, loginFor(target, request)));
        List<String> secrets = new ArrayList<>(request.secrets());
        logins.values().forEach(login -> login.ifPresent(l -> secrets.addAll(l.credentials().secrets())));
        SecretMasker masked = SecretMasker.wrap(Objects.requireNonNull(log, "log"), secrets);
        InspectImageResponse image = inspect(request.source());
        masked.info("Publishing image " + LocalTagger.shortId(image.getId()) + " (" + humanSize(image.getSize() == null ? 0 : image.getSize())
                + ") to " + request.targets().size() + (request.targets().size() == 1 ? " target" : " targets"));
        List<ImageReference> added = new LocalTagger(ctx).tag(image, request.targets(), masked);
        TargetPusher pusher = new TargetPusher(ctx.docker());
        Retrying retrying = new Retrying(request.retry(), sleeper);
        List<PushedTag> pushed = new ArrayList<>();
        for (ImageReference target : request.targets()) {
            Optional<RegistryLogin> login = logins.get(target);
            masked.info("Pushing " + target + " to registry " + target.domain() + login.map(l -> " as " + l.who() + " (credentials from "
                    + l.origin() + ")").orElse(" anonymously (no credentials configured for " + target.domain() + ")"));
            PushedTag result = pushWithRetries(target, login, request, pusher, retrying, masked);
            masked.info("Pushed " + target + " digest " + result.digest() + " (manifest " + result.manifestSize() + " bytes)");
            ctx.tracker().pushed(target.toString());
            pushed.add(result);
        }
        return new PushResult(image.getId(), image.getSize() == null ? 0 : image.getSize(), pushed, added);
    }

    /** The request's own credentials for the target's registry, else the run's. */
    private Optional<RegistryLogin> loginFor(ImageReference target, PushRequest request) {
        RegistryCredentials own = request.credentialsFor(target.domain());
        return own != null ? Optional.of(new RegistryLogin(target.domain(), own, "the credentials given with the push"))
                : ctx.registries().forRegistry(target.domain());
    }

    private PushedTag pushWithRetries(ImageReference target, Optional<RegistryLogin> login, PushRequest request,
                                      TargetPusher pusher, Retrying retrying, SecretMasker masked) {
        var auth = RegistryAuth.forLogin(target.domain(), login);
        try {
            return retrying.run(() -> pusher.pushOnce(target, auth, login.isPresent(), request.timeout(), masked),
                    (failure, next, wait) -> masked.warn("Push of " + target + " failed (" + failure.words() + "); attempt "
                            + next + " of " + request.retry().maxAttempts() + " in " + wait.toMillis() / 1000.0 + " s"));
        } catch (Retrying.FinalFailure e) {
            AttemptFailedException last = e.last();
            throw PushFailedException.of(last.failure(), target, masked.mask(last.words()), e.attempts(), request.timeout(),
                    login, ctx.registries());
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

    private static String humanSize(long bytes) {
        return bytes < 1_000_000 ? bytes / 1000 + " kB" : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
