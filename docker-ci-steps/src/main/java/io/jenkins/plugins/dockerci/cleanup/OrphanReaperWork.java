package io.jenkins.plugins.dockerci.cleanup;

import hudson.Extension;
import hudson.model.AsyncPeriodicWork;
import hudson.model.Node;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.dockerci.agent.AgentRunner;
import io.jenkins.plugins.dockerci.config.DockerCiConfiguration;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import io.jenkins.plugins.dockerci.host.DockerHostSpec;
import io.jenkins.plugins.dockerci.identity.JenkinsIdentity;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;

/**
 * Periodically removes what builds of this Jenkins left behind when their cleanup could not run (an aborted build
 * whose agent went away, a controller restart, a killed JVM): resources labelled with this instance's owner id whose
 * build is no longer running and whose newest resource is older than the grace period. Looks at the configured
 * Docker host, or else at the engine of the controller and of every connected agent.
 */
@Extension
public final class OrphanReaperWork extends AsyncPeriodicWork {

    public OrphanReaperWork() {
        super("Docker CI orphan reaper");
    }

    @Override
    public long getRecurrencePeriod() {
        return Duration.ofMinutes(DockerCiConfiguration.get().getReaperIntervalMinutes()).toMillis();
    }

    @Override
    protected void execute(TaskListener listener) throws IOException, InterruptedException {
        DockerCiConfiguration configuration = DockerCiConfiguration.get();
        String ownerId = JenkinsIdentity.ownerId();
        List<String> active = new ArrayList<>(ActiveRuns.JENKINS.runIds());
        if (configuration.getDockerHostUri() != null) {
            if (configuration.getDockerHostCredentialsId() != null) {
                listener.getLogger().println("The orphan reaper does not yet reach a TLS Docker host ("
                        + configuration.getDockerHostUri() + "); builds' own cleanup still does.");
                return;
            }
            VirtualChannel controller = Jenkins.get().getChannel();
            if (controller == null) {
                return;
            }
            reap(controller, DockerHostSpec.explicit(configuration.getDockerHostUri(), null), ownerId, active,
                    configuration, listener);
            return;
        }
        List<Node> nodes = new ArrayList<>();
        nodes.add(Jenkins.get());
        nodes.addAll(Jenkins.get().getNodes());
        for (Node node : nodes) {
            VirtualChannel channel = node.getChannel();
            if (channel != null) {
                reap(channel, DockerHostSpec.nodeDefault(Map.of()), ownerId, active, configuration, listener);
            }
        }
    }

    /** Reaps the orphans of {@code ownerId} on the engine that {@code host} names on the node at {@code channel}. */
    static CleanupSummary reap(VirtualChannel channel, DockerHostSpec host, String ownerId, List<String> activeRuns,
                               DockerCiConfiguration configuration, TaskListener listener)
            throws IOException, InterruptedException {
        ReapTask task = new ReapTask(host, ownerId, activeRuns,
                Duration.ofMinutes(configuration.getReaperGraceMinutes()).toMillis(), configuration.getBuiltImagePolicy());
        return new AgentRunner(listener, host.secrets(), ResourceTracker.NONE).onNode(channel, task);
    }
}
