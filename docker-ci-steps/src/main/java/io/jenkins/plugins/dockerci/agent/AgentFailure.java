package io.jenkins.plugins.dockerci.agent;

import io.jenkins.plugins.dockerci.engine.log.SecretMasker;
import java.io.IOException;

/**
 * An exception thrown on the agent, carried back as plain text.
 *
 * <p>Exceptions from libraries (docker-java, HTTP clients) must not cross the channel: their classes are not ours and
 * their fields may hold anything. This copy keeps the type name, the masked message and the stack trace, chain included.
 */
public final class AgentFailure extends IOException {

    private static final long serialVersionUID = 1L;

    private final String originalType;

    private AgentFailure(String originalType, String message, AgentFailure cause) {
        super(message, cause);
        this.originalType = originalType;
    }

    /** A channel-safe copy of {@code failure} and its causes, with secrets masked. */
    static AgentFailure copyOf(Throwable failure, SecretMasker masker) {
        AgentFailure cause = failure.getCause() == null || failure.getCause() == failure
                ? null : copyOf(failure.getCause(), masker);
        String message = masker.mask(failure.getMessage());
        AgentFailure copy = new AgentFailure(failure.getClass().getName(),
                message == null ? failure.getClass().getSimpleName() : message, cause);
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    /** The class name of the exception this is a copy of. */
    public String getOriginalType() {
        return originalType;
    }

    @Override
    public String toString() {
        return originalType + ": " + getMessage();
    }
}
