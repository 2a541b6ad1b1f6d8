package io.jenkins.plugins.dockerci.params;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.agent.AgentContext;
import io.jenkins.plugins.dockerci.agent.AgentTask;
import io.jenkins.plugins.dockerci.agent.Jep200;
import io.jenkins.plugins.dockerci.engine.docker.DockerClients;
import io.jenkins.plugins.dockerci.engine.services.Teardown;
import io.jenkins.plugins.dockerci.host.DockerHostSpec;
import io.jenkins.plugins.dockerci.host.NodeDockerHost;
import java.io.IOException;
import java.util.ArrayList;
import java.util.SortedMap;

/**
 * Removes the services of a {@code dockerServices} block when its body has ended: says which of them had stopped
 * on their own (a crashed database explains a failing body better than the body can), then removes the containers
 * (with their anonymous volumes) and their network. Idempotent and bounded; returns the problems, which are also
 * warnings in the console (the build's final cleanup removes what is left).
 *
 * @param host       the Docker host the services run on
 * @param containers the service containers' ids, by service alias
 * @param network    their network, or {@code null}
 */
public record ServicesStopTask(DockerHostSpec host, SortedMap<String, String> containers, String network)
        implements AgentTask<ArrayList<String>> {

    public ServicesStopTask {
        containers = Jep200.map(containers);
    }

    @Override
    public ArrayList<String> run(AgentContext agent) throws IOException {
        try (NodeDockerHost node = NodeDockerHost.open(host, System.getenv());
             DockerClient docker = DockerClients.open(node.endpoint())) {
            containers.forEach((alias, id) -> reportStopped(docker, alias, id, agent));
            Teardown teardown = new Teardown(docker, Teardown.DEFAULT_BOUND);
            containers.values().forEach(teardown::container);
            if (network != null) {
                teardown.network(network);
            }
            return new ArrayList<>(teardown.run(agent.log()));
        }
    }

    private static void reportStopped(DockerClient docker, String alias, String id, AgentContext agent) {
        try {
            InspectContainerResponse.ContainerState state = docker.inspectContainerCmd(id).exec().getState();
            if (state != null && !Boolean.TRUE.equals(state.getRunning())) {
                agent.log().warn(Messages.ServicesStopTask_stoppedEarly(alias, state.getExitCodeLong()));
            }
        } catch (NotFoundException gone) {
            agent.log().warn(Messages.ServicesStopTask_gone(alias));
        } catch (RuntimeException unknown) {
            // the teardown below reports what matters: whether it could be removed
        }
    }

    @Override
    public String toString() {
        return "ServicesStopTask[" + containers + ", network=" + network + "]";
    }
}
