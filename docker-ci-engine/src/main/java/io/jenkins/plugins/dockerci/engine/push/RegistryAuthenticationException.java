package io.jenkins.plugins.dockerci.engine.push;

import io.jenkins.plugins.dockerci.engine.image.ImageReference;

/** The registry wanted credentials, rejected the ones given, or denied access with them. Never retried. */
public class RegistryAuthenticationException extends PushFailedException {

    private static final long serialVersionUID = 1L;

    RegistryAuthenticationException(String message, ImageReference target, PushFailure failure) {
        super(message, target, failure);
    }
}
