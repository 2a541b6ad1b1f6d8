package io.jenkins.plugins.dockerci.cleanup;

import hudson.model.Node;
import hudson.model.Run;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.dockerci.action.EngineRecord;
import io.jenkins.plugins.dockerci.config.DockerCiConfiguration;
import io.jenkins.plugins.dockerci.host.DockerHostResolver;
import io.jenkins.plugins.dockerci.host.DockerHostSpec;
import java.io.IOException;
import jenkins.model.Jenkins;

/**
 * How work reaches a Docker engine that a build recorded ({@link EngineRecord}) after the step that used it has
 * ended: through the node it was used from, looked up again by name (so it works after a restart), with the Docker
 * host as the build used it.
 */
public final class EngineAccess {

    private EngineAccess() {
    }

    /**
     * The channel of the node the engine was used from; for a configured Docker host, the controller's when that node
     * is gone. {@code null} when the node is gone or offline.
     */
    public static VirtualChannel channelOf(EngineRecord engine) {
        Jenkins jenkins = Jenkins.get();
        Node node = engine.getNodeName().isEmpty() ? jenkins : jenkins.getNode(engine.getNodeName());
        VirtualChannel channel = node == null ? null : node.getChannel();
        if (channel == null && engine.getHostUri() != null) {
            return jenkins.getChannel();
        }
        return channel;
    }

    /** The Docker host as {@code run} used it; a TLS host's credential is resolved again, for the build. */
    public static DockerHostSpec hostOf(EngineRecord engine, Run<?, ?> run) throws IOException {
        if (engine.getHostUri() == null) {
            return DockerHostSpec.nodeDefault(engine.getDockerEnvironment());
        }
        DockerCiConfiguration configuration = DockerCiConfiguration.get();
        if (engine.getHostUri().equals(configuration.getDockerHostUri())) {
            return new DockerHostResolver(configuration).resolve(run, engine.getDockerEnvironment());
        }
        return DockerHostSpec.explicit(engine.getHostUri(), null);
    }
}
