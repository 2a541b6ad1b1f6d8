package io.jenkins.plugins.dockerci.agent;

import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.log.SecretMasker;
import java.io.IOException;

/**
 * An exception thrown on the agent, carried back as plain text.
 *
 * <p>Exceptions from libraries (docker-java, HTTP clients) must not cross the channel: their classes are not ours and
 * their fields may hold anything. This copy keeps the type name (for people), the masked message, the stack trace
 * with its chain, and whether it was one of the engine's own failures, whose message already says what to change.
 * The controller never loads a class by a name the agent sent (finding S11 of the runtime review): an agent that
 * lies about the flag only changes whether a stack trace is printed.
 */
public final class AgentFailure extends IOException {

    private static final long serialVersionUID = 2L;

    private final String originalType;
    private final boolean engineFailure;

    private AgentFailure(String originalType, boolean engineFailure, String message, AgentFailure cause) {
        super(message, cause);
        this.originalType = originalType;
        this.engineFailure = engineFailure;
    }

    /** A channel-safe copy of {@code failure} and its causes, with secrets masked. */
    static AgentFailure copyOf(Throwable failure, SecretMasker masker) {
        AgentFailure cause = failure.getCause() == null || failure.getCause() == failure
                ? null : copyOf(failure.getCause(), masker);
        String message = masker.mask(failure.getMessage());
        AgentFailure copy = new AgentFailure(failure.getClass().getName(), failure instanceof DockerCiException,
                message == null ? failure.getClass().getSimpleName() : message, cause);
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    /** The class name of the exception this is a copy of. */
    public String getOriginalType() {
        return originalType;
    }

    /** Whether the engine reported this failure itself (its message says what to change; no stack trace needed). */
    public boolean isEngineFailure() {
        return engineFailure;
    }

    @Override
    public String toString() {
        return originalType + ": " + getMessage();
    }
}
