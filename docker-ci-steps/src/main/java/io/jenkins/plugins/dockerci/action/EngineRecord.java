package io.jenkins.plugins.dockerci.action;

import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.host.DockerHostSpec;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One Docker engine a build used: the node its work ran on and how the Docker host was chosen there. Kept in
 * {@code build.xml} (through {@link DockerEnginesAction}) and in a {@code dockerServices} block's state, so the build's cleanup finds every engine again, after a
 * restart of Jenkins too. Holds no secret: a TLS host's credential is resolved again when it is needed.
 */
public final class EngineRecord implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String nodeName;
    private final String hostUri;
    private final TreeMap<String, String> dockerEnvironment;

    /**
     * @param nodeName          the node's name, {@code ""} for the built-in node
     * @param hostUri           the configured Docker host, or {@code null} for the node's own engine
     * @param dockerEnvironment the build's {@code DOCKER_*} variables that chose the node's engine
     */
    public EngineRecord(String nodeName, String hostUri, Map<String, String> dockerEnvironment) {
        this.nodeName = nodeName == null ? "" : nodeName;
        this.hostUri = hostUri;
        this.dockerEnvironment = new TreeMap<>(dockerEnvironment == null ? Map.of() : dockerEnvironment);
    }

    /** The engine of {@code host} as used on the node named {@code nodeName}. */
    public static EngineRecord of(String nodeName, DockerHostSpec host) {
        return new EngineRecord(nodeName, host.uri(), host.environment());
    }

    public String getNodeName() {
        return nodeName;
    }

    /** The configured Docker host, or {@code null} when the node's own engine was used. */
    public String getHostUri() {
        return hostUri;
    }

    public Map<String, String> getDockerEnvironment() {
        return dockerEnvironment == null ? Map.of() : dockerEnvironment;
    }

    /** For people: {@code node 'agent-1' (DOCKER_HOST=tcp://…)}. */
    public String describe() {
        String node = nodeName.isEmpty() ? Messages.EngineRecord_builtIn() : Messages.EngineRecord_node(nodeName);
        if (hostUri != null) {
            return Messages.EngineRecord_configuredHost(hostUri, node);
        }
        String docker = getDockerEnvironment().get("DOCKER_HOST");
        return docker == null ? node : Messages.EngineRecord_dockerHost(node, docker);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EngineRecord that && nodeName.equals(that.nodeName) && Objects.equals(hostUri, that.hostUri)
                && getDockerEnvironment().equals(that.getDockerEnvironment());
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodeName, hostUri, getDockerEnvironment());
    }

    @Override
    public String toString() {
        return describe();
    }
}
