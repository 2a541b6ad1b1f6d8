package io.jenkins.plugins.dockerci.agent;

import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import java.io.File;
import java.util.Objects;

/**
 * What an {@link AgentTask} gets on the agent.
 *
 * @param workspace the build's workspace on this node, or {@code null} when the work needs none
 * @param log       the build console (lines stream back to the controller, secrets masked)
 * @param tracker   the build's ledger on the controller: tell it about every resource before creating it
 */
public record AgentContext(File workspace, LogSink log, ResourceTracker tracker) {

    public AgentContext {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(tracker, "tracker");
    }
}
