package io.jenkins.plugins.dockerci.engine.registry;

import io.jenkins.plugins.dockerci.engine.DockerCiException;

/**
 * An image could not be pulled from its registry. The message names the image, the registry and what to fix
 * ({@link RegistryAdvice}); {@link #failure()} says why, for callers that handle some reasons apart. Nothing was
 * created on the Docker host.
 */
public class ImagePullException extends DockerCiException {

    private static final long serialVersionUID = 1L;

    private final String image;
    private final String registry;
    private final RegistryFailure failure;

    ImagePullException(String message, String image, String registry, RegistryFailure failure) {
        // no cause: the engine's words are in the message, masked; the raw exception is not
        super(message);
        this.image = image;
        this.registry = registry;
        this.failure = failure;
    }

    /** The image that was to be pulled, as given. */
    public String image() {
        return image;
    }

    /** Its registry ({@code host[:port]}). */
    public String registry() {
        return registry;
    }

    /** Why the pull failed. */
    public RegistryFailure failure() {
        return failure;
    }
}
