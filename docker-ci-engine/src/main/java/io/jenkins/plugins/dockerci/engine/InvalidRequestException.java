package io.jenkins.plugins.dockerci.engine;

/** A request was rejected before anything was sent to the Docker engine; nothing was created. */
public class InvalidRequestException extends DockerCiException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }
}
