package io.jenkins.plugins.dockerci.engine.services;

import io.jenkins.plugins.dockerci.engine.DockerCiException;

/**
 * A service did not become ready: it timed out, exited during startup, or could not be created. The message names
 * the service and the readiness check and ends with the service's last log lines. Everything the start created has
 * been removed when this is thrown.
 */
public class ServiceStartException extends DockerCiException {

    private static final long serialVersionUID = 1L;

    private final String service;

    public ServiceStartException(String service, String message, Throwable cause) {
        super(message, cause);
        this.service = service;
    }

    /** The name of the service that failed. */
    public String service() {
        return service;
    }
}
