package io.jenkins.plugins.dockerci.engine.push;

import io.jenkins.plugins.dockerci.engine.image.ImageReference;

/** The Docker engine could not connect to the registry: it is not running, or the host or port is wrong. */
public class RegistryUnreachableException extends PushFailedException {

    private static final long serialVersionUID = 1L;

    RegistryUnreachableException(String message, ImageReference target) {
        super(message, target, PushFailure.REGISTRY_UNREACHABLE);
    }
}
