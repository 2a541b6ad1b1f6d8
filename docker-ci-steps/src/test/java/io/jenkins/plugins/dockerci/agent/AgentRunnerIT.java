package io.jenkins.plugins.dockerci.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import hudson.FilePath;
import io.jenkins.plugins.dockerci.engine.docker.DockerClients;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import io.jenkins.plugins.dockerci.host.DockerHostSpec;
import io.jenkins.plugins.dockerci.host.NodeDockerHost;
import io.jenkins.plugins.dockerci.testsupport.RecordingListener;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner, the node's Docker host and the real engine together: what a build step on an agent will do. */
class AgentRunnerIT {

    @TempDir
    File workspace;

    @Test
    void aTaskOnTheNodeReachesItsDockerEngineAndLogsToTheBuild() throws Exception {
        RecordingListener listener = new RecordingListener();
        AgentRunner runner = new AgentRunner(listener, List.of(), ResourceTracker.NONE);

        String version = runner.inWorkspace(new FilePath(workspace), new EngineVersion(DockerHostSpec.nodeDefault(Map.of())));

        assertThat(version).matches("\\d+\\.\\d+.*");
        assertThat(listener.lines()).anySatisfy(line -> assertThat(line).startsWith("[docker-ci] Docker engine " + version + " at "));
    }

    /** Asks the node's engine for its version, as the first thing every step does. */
    record EngineVersion(DockerHostSpec host) implements AgentTask<String> {
        @Override
        public String run(AgentContext context) throws IOException {
            try (NodeDockerHost node = NodeDockerHost.open(host, System.getenv());
                 DockerClient docker = DockerClients.connect(node.endpoint())) {
                String version = docker.versionCmd().exec().getVersion();
                context.log().info("Docker engine " + version + " at " + node.endpoint().describe());
                return version;
            }
        }
    }
}
