package io.jenkins.plugins.dockerci.pipeline;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.dockerci.agent.AgentContext;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.docker.DockerClients;
import io.jenkins.plugins.dockerci.engine.docker.DockerEndpoint;
import io.jenkins.plugins.dockerci.host.DockerHostSpec;
import io.jenkins.plugins.dockerci.host.NodeDockerHost;
import java.io.IOException;
import java.io.Serializable;

/**
 * The node's Docker engine for one agent task, as the build's run: opened on the agent, closed when the task ends.
 *
 * @param host    the Docker host the controller resolved
 * @param ownerId this Jenkins' owner id (the managed labels)
 * @param runId   the build's run id
 */
record NodeEngine(DockerHostSpec host, String ownerId, String runId) implements Serializable {

    static NodeEngine of(StepRun run) {
        return new NodeEngine(run.host(), run.runContext().ownerId(), run.runContext().runId());
    }

    /** Connects to the engine, reporting every resource to the build's ledger through {@code agent}. */
    Session open(AgentContext agent) throws IOException {
        NodeDockerHost node = NodeDockerHost.open(host, System.getenv());
        try {
            DockerClient docker = DockerClients.connect(node.endpoint());
            return new Session(node, docker, new EngineContext(docker, new RunContext(ownerId, runId), agent.tracker()));
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    /** An open connection; closing it closes the client and removes any TLS material written for it. */
    static final class Session implements AutoCloseable {
        private final NodeDockerHost node;
        private final DockerClient docker;
        private final EngineContext engine;

        private Session(NodeDockerHost node, DockerClient docker, EngineContext engine) {
            this.node = node;
            this.docker = docker;
            this.engine = engine;
        }

        EngineContext engine() {
            return engine;
        }

        DockerEndpoint endpoint() {
            return node.endpoint();
        }

        @Override
        public void close() throws IOException {
            try {
                docker.close();
            } finally {
                node.close();
            }
        }
    }
}
