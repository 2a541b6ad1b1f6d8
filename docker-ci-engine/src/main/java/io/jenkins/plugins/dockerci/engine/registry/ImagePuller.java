package io.jenkins.plugins.dockerci.engine.registry;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.image.ImageReference;
import io.jenkins.plugins.dockerci.engine.log.SecretMasker;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins.RegistryLogin;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Makes sure an image the run needs (a service's, the test container's) is on the Docker host: pulls it under its
 * {@link PullPolicy}, with the credentials the run's {@link RegistryLogins} give for its registry, always sent
 * explicitly (anonymous when there are none), so nothing but the run's source of credentials is used.
 *
 * <p>The log says, per pull, the registry, the user and where the credentials came from, never a secret. A failed
 * pull is an {@link ImagePullException} that says what to fix; a pull creates nothing that needs removing.
 */
public final class ImagePuller {

    /** How long one pull may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private static final Pattern IMAGE_ID = Pattern.compile("[0-9a-f]{12,64}");

    private final DockerClient docker;
    private final RegistryLogins logins;
    private final Duration timeout;

    public ImagePuller(EngineContext ctx) {
        this(ctx.docker(), ctx.registries(), DEFAULT_TIMEOUT);
    }

    ImagePuller(DockerClient docker, RegistryLogins logins, Duration timeout) {
        this.docker = Objects.requireNonNull(docker, "docker");
        this.logins = Objects.requireNonNull(logins, "logins");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * The image as the engine knows it, pulled first when the policy says so.
     *
     * @param image   a reference, or the id of a local image (never pulled)
     * @param policy  when to pull
     * @param purpose what the image is for, completing "needed …" (e.g. "for service 'db'", "for the tests")
     * @param log     receives one line per pull: the registry, the user and where the credentials came from
     * @throws ImagePullException when the pull failed (credentials missing or rejected, no such image, registry unreachable)
     * @throws DockerCiException  when the image is not on the host and may not be pulled, the pull did not finish in
     *                            time or was interrupted (the interrupt flag stays set)
     */
    public InspectImageResponse ensure(String image, PullPolicy policy, String purpose, LogSink log) {
        Optional<InspectImageResponse> local = inspect(image);
        if (local.isPresent() && (policy != PullPolicy.ALWAYS || isLocalId(image, local.get()))) {
            return local.get();
        }
        if (image.startsWith("sha256:")) {
            throw new DockerCiException("Image " + image + " (needed " + purpose + ") is not on the Docker host, and an image id"
                    + " cannot be pulled: build the image on this Docker host first, or name it by a reference from a registry.");
        }
        if (local.isEmpty() && policy == PullPolicy.NEVER) {
            throw new DockerCiException("Image " + image + " (needed " + purpose + ") is not on the Docker host and its pull policy"
                    + " is 'never': pull or build it on this Docker host first, or set the pull policy to 'missing'.");
        }
        pull(ImageReference.parse(image), image, purpose, log);
        return inspect(image).orElseThrow(() -> new DockerCiException("Image " + image + " (needed " + purpose + ") was pulled but"
                + " the Docker engine does not know it; another job may have removed it meanwhile. Run again."));
    }

    private void pull(ImageReference reference, String image, String purpose, LogSink log) {
        String registry = reference.domain();
        Optional<RegistryLogin> login = logins.forRegistry(registry);
        SecretMasker masked = SecretMasker.of(login.map(l -> l.credentials().secrets()).orElse(List.of()));
        log.info("Pulling " + image + " " + purpose + " from registry " + registry + login.map(l -> " as " + l.who()
                + " (credentials from " + l.origin() + ")").orElse(" anonymously (no credentials configured for " + registry + ")"));
        PullCallback callback = new PullCallback();
        try {
            docker.pullImageCmd(reference.canonicalName())
                    .withTag(reference.hasDigest() ? reference.digest() : reference.tagOrLatest())
                    .withAuthConfig(RegistryAuth.forLogin(registry, login))
                    .exec(callback);
            if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new DockerCiException("Pulling " + image + " (needed " + purpose + ") from registry " + registry
                        + " did not finish within " + timeout.toMinutes() + " min: check the network between the Docker engine and "
                        + registry + ", or pull the image beforehand.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerCiException("Interrupted while pulling " + image + " (needed " + purpose + ").", e);
        } finally {
            closeQuietly(callback);
        }
        String failure = callback.failure();
        if (failure != null) {
            String words = masked.mask(failure);
            RegistryFailure why = RegistryFailure.classify(words, login.isPresent());
            throw new ImagePullException("Image " + image + " in registry " + registry + " (needed " + purpose + "): "
                    + RegistryAdvice.explain(why, reference, "pull", login, logins, words), image, registry, why);
        }
        log.info("Pulled " + image + (callback.digest() == null ? "" : " (" + callback.digest() + ")"));
    }

    private Optional<InspectImageResponse> inspect(String image) {
        try {
            return Optional.of(docker.inspectImageCmd(image).exec());
        } catch (NotFoundException absent) {
            return Optional.empty();
        }
    }

    /** Whether {@code image} is (a prefix of) the found image's id rather than a name: an id is never pulled. */
    private static boolean isLocalId(String image, InspectImageResponse found) {
        String hex = image.startsWith("sha256:") ? image.substring("sha256:".length()) : image;
        return IMAGE_ID.matcher(hex).matches() && found.getId() != null && found.getId().startsWith("sha256:" + hex);
    }

    private static void closeQuietly(PullCallback callback) {
        try {
            callback.close();
        } catch (IOException alreadyClosed) {
            // the stream is over either way
        }
    }
}
