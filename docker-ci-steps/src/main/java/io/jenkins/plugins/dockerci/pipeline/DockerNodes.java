package io.jenkins.plugins.dockerci.pipeline;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.dockerci.agent.Jep200;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each running Pipeline build last did Docker work: the node's channel and the build's environment there.
 * A Pipeline build has no workspace once it completes, so its final cleanup goes through this node.
 */
@Extension
public final class DockerNodes {

    /** A node's channel and the build's environment on it (its Docker variables choose the engine). */
    record Node(VirtualChannel channel, Map<String, String> environment) {
        Node {
            environment = Jep200.map(environment);
        }
    }

    private final Map<String, Node> byRun = new ConcurrentHashMap<>();

    /** The instance in Jenkins. */
    public static DockerNodes get() {
        return ExtensionList.lookupSingleton(DockerNodes.class);
    }

    /** Remembers that the build with {@code runId} used Docker through {@code channel}. */
    void record(String runId, VirtualChannel channel, Map<String, String> environment) {
        byRun.put(runId, new Node(channel, environment));
    }

    /** The node the build last used, forgotten from now on. */
    Optional<Node> take(String runId) {
        return Optional.ofNullable(byRun.remove(runId));
    }
}
