package io.jenkins.plugins.dockerci.engine.push;

import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.image.ImageReference;
import io.jenkins.plugins.dockerci.engine.registry.RegistryAdvice;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins.RegistryLogin;
import java.time.Duration;
import java.util.Optional;

/**
 * A push that the registry or the engine refused or could not finish. The message names the registry and the
 * reference, quotes the registry's words (secrets masked) and says what to do. Subclasses mark the failures a
 * caller may want to handle apart: {@link RegistryAuthenticationException}, {@link RegistryUnreachableException}.
 */
public class PushFailedException extends DockerCiException {

    private static final long serialVersionUID = 1L;

    private final String registry;
    private final String reference;
    private final PushFailure failure;

    PushFailedException(String message, ImageReference target, PushFailure failure) {
        super(message);
        this.registry = target.domain();
        this.reference = target.toString();
        this.failure = failure;
    }

    /** The registry ({@code host[:port]}) of the target that failed. */
    public String registry() {
        return registry;
    }

    /** The target reference that failed. */
    public String reference() {
        return reference;
    }

    /** Why it failed. */
    public PushFailure failure() {
        return failure;
    }

    /**
     * The exception for a failure, with the message and hint for its kind.
     *
     * @param words    the registry's or engine's words, already masked
     * @param attempts how many attempts were made
     * @param timeout  the per-target timeout (named in the message of {@link PushFailure#TIMEOUT})
     * @param login    the login that was sent, if any
     * @param logins   the run's source of logins, whose advice credential problems repeat
     */
    static PushFailedException of(PushFailure failure, ImageReference target, String words, int attempts, Duration timeout,
                                  Optional<RegistryLogin> login, RegistryLogins logins) {
        String registry = target.domain();
        String head = "Push of " + target + " failed: ";
        String said = " (the registry said: " + words + ")";
        String explained = head + RegistryAdvice.explain(failure.asRegistryFailure(), target, "push", login, logins, words);
        return switch (failure) {
            case CREDENTIALS_MISSING, CREDENTIALS_REJECTED, ACCESS_DENIED -> new RegistryAuthenticationException(explained, target, failure);
            case REGISTRY_UNREACHABLE -> new RegistryUnreachableException(explained, target);
            case REGISTRY_TLS -> new PushFailedException(explained, target, failure);
            case BLOB_UNKNOWN -> new PushFailedException(head + "registry " + registry + " lost a layer it had accepted" + said
                    + ". Its storage, a proxy in front of it, or a garbage collection during the push dropped data: check the"
                    + " registry's storage and logs, then push again.", target, failure);
            case TRANSIENT -> new PushFailedException(head + "the connection to registry " + registry + " kept failing, "
                    + attempts + (attempts == 1 ? " attempt" : " attempts") + said + ". Check the registry's health and the"
                    + " network between it and the Docker engine, then run again (or allow more attempts in the retry policy).",
                    target, failure);
            case TIMEOUT -> new PushFailedException(head + "it did not finish within " + readable(timeout) + ". Check the network speed to "
                    + registry + ", or raise the push timeout.", target, failure);
            case OTHER -> new PushFailedException(head + words + ". Check that the Docker engine can push to " + registry
                    + " (e.g. 'docker push " + target + "' on the same host).", target, failure);
        };
    }

    private static String readable(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 60 && seconds % 60 == 0 ? seconds / 60 + " min" : duration.toMillis() / 1000.0 + " s";
    }
}
