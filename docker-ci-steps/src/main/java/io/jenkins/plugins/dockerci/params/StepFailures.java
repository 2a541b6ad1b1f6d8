package io.jenkins.plugins.dockerci.params;

import hudson.AbortException;
import io.jenkins.plugins.dockerci.agent.AgentFailure;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import java.io.IOException;

/**
 * Tells user mistakes from defects: the engine's {@link DockerCiException}s (a bad parameter, a failed build, a
 * registry that refused the login) already say what to change, so the build shows just the message
 * ({@link AbortException}); anything else keeps its stack trace for the log.
 */
public final class StepFailures {

    private StepFailures() {
    }

    /** The engine failure as an {@link AbortException}. */
    public static AbortException abort(DockerCiException failure) {
        return new AbortException(failure.getMessage());
    }

    /** An {@link AbortException} if the agent failed with one of the engine's exceptions, else the failure itself. */
    public static IOException fromAgent(AgentFailure failure) {
        return isEngineFailure(failure.getOriginalType()) ? new AbortException(failure.getMessage()) : failure;
    }

    private static boolean isEngineFailure(String type) {
        try {
            return DockerCiException.class.isAssignableFrom(Class.forName(type, false, StepFailures.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
