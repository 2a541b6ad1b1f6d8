package io.jenkins.plugins.dockerci.engine;

/**
 * A failure the user can act on: the message says what went wrong, where, and what to do about it.
 *
 * <p>Callers show the message without a stack trace (Jenkins: as an {@code AbortException}; the CLI: as one line).
 * Messages never contain secrets.
 */
public class DockerCiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DockerCiException(String message) {
        super(message);
    }

    public DockerCiException(String message, Throwable cause) {
        super(message, cause);
    }
}
