package io.jenkins.plugins.dockerci.engine.docker;

import io.jenkins.plugins.dockerci.engine.DockerCiException;

/** The Docker engine could not be reached or did not answer; the message names the host that was tried. */
public class DockerUnavailableException extends DockerCiException {

    private static final long serialVersionUID = 1L;

    public DockerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
