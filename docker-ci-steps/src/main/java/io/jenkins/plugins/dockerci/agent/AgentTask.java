package io.jenkins.plugins.dockerci.agent;

import java.io.IOException;
import java.io.Serializable;

/**
 * One piece of engine work that runs on the node holding the workspace.
 *
 * <p>An implementation is the request: a small record of our own with plain serialisable fields (strings, numbers,
 * our own value types, {@code List.of}/{@code Map.of} collections), resolved on the controller before it is sent. It
 * must not hold docker-java objects, Jenkins model objects or secrets other than those the work needs (JEP-200: only
 * classes from the plugin's jar and whitelisted JDK types may cross the channel). The result follows the same rules.
 *
 * @param <R> the result sent back to the controller
 */
@FunctionalInterface
public interface AgentTask<R extends Serializable> extends Serializable {

    /**
     * Does the work. Runs on the agent, in the thread the build's abort interrupts: blocking calls must give up with
     * {@link InterruptedException} and remove what they created.
     */
    R run(AgentContext context) throws IOException, InterruptedException;
}
