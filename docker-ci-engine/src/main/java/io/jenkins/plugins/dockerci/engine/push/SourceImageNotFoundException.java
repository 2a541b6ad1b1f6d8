package io.jenkins.plugins.dockerci.engine.push;

import io.jenkins.plugins.dockerci.engine.DockerCiException;

/** The image to push is not on the Docker engine; nothing was tagged or pushed. */
public class SourceImageNotFoundException extends DockerCiException {

    private static final long serialVersionUID = 1L;

    SourceImageNotFoundException(String source) {
        super("Cannot push '" + source + "': there is no such image on the Docker engine. Push the id or tag the build step produced, on the same Docker host that built it.");
    }
}
