package io.jenkins.plugins.dockerci.params;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.dockerci.agent.AgentContext;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.docker.DockerClients;
import io.jenkins.plugins.dockerci.host.DockerHostSpec;
import io.jenkins.plugins.dockerci.host.NodeDockerHost;
import java.io.IOException;
import java.io.Serializable;
import java.util.Objects;

/**
 * Which engine a step's work uses and whose work it is: the node's Docker host as resolved on the controller, and the
 * build's owner and run ids (the labels of everything it creates). Travels with every task to the agent.
 *
 * @param host    the Docker host
 * @param ownerId this Jenkins instance's owner id
 * @param runId   the build's run id
 */
public record EngineTarget(DockerHostSpec host, String ownerId, String runId) implements Serializable {

    public EngineTarget {
        Objects.requireNonNull(host, "host");
        new RunContext(ownerId, runId);
    }

    /** The build's run context. */
    public RunContext run() {
        return new RunContext(ownerId, runId);
    }

    /** Work that needs the engine, on the agent. */
    @FunctionalInterface
    public interface Work<R> {
        R run(EngineContext engine, NodeDockerHost node) throws IOException, InterruptedException;
    }

    /** Connects to the node's engine, runs {@code work} with the build's labels and ledger, and disconnects. */
    public <R> R connect(AgentContext agent, Work<R> work) throws IOException, InterruptedException {
        try (NodeDockerHost node = NodeDockerHost.open(host, System.getenv());
             DockerClient docker = DockerClients.connect(node.endpoint())) {
            return work.run(new EngineContext(docker, run(), agent.tracker()), node);
        }
    }
}
