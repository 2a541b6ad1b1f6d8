package io.jenkins.plugins.dockerci.engine.services;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a running, ready service can be reached: by its aliases on the service network, by IP, and (when its ports
 * are published) on 127.0.0.1 of the Docker host.
 *
 * @param name           the service's name (also its first alias)
 * @param aliases        all network aliases
 * @param containerId    the container's id
 * @param containerName  the container's name
 * @param ipAddress      the container's IP on the service network
 * @param exposedPorts   the container ports of the spec
 * @param env            the environment the spec gave the container (may hold secrets: never log values)
 * @param publishedPorts container port to host port on 127.0.0.1; empty unless the spec publishes its ports
 * @param timeToReady    from the container's start until the readiness check passed
 */
public record ServiceCoordinates(String name, List<String> aliases, String containerId, String containerName, String ipAddress,
                                 List<Integer> exposedPorts, Map<String, String> env, Map<Integer, Integer> publishedPorts,
                                 Duration timeToReady) {

    /** Where published ports listen on the Docker host. */
    public static final String LOOPBACK = "127.0.0.1";

    public ServiceCoordinates {
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(containerId, "containerId");
        Objects.requireNonNull(containerName, "containerName");
        Objects.requireNonNull(ipAddress, "ipAddress");
        exposedPorts = List.copyOf(exposedPorts);
        env = Map.copyOf(env);
        publishedPorts = Map.copyOf(publishedPorts);
        Objects.requireNonNull(timeToReady, "timeToReady");
    }

    /** The host name other containers on the service network use: the service's name. */
    public String host() {
        return name;
    }

    /** The port on 127.0.0.1 of the Docker host that forwards to {@code containerPort}. */
    public int hostPort(int containerPort) {
        Integer port = publishedPorts.get(containerPort);
        if (port == null) {
            throw new IllegalArgumentException("port " + containerPort + " of service '" + name + "' is not published;"
                    + " expose it and set publishPorts on the service");
        }
        return port;
    }

    @Override
    public String toString() {
        return "ServiceCoordinates[name=" + name + ", aliases=" + aliases + ", container=" + containerName + ", ip=" + ipAddress
                + ", exposedPorts=" + exposedPorts + ", env=" + env.keySet() + ", publishedPorts=" + publishedPorts
                + ", timeToReady=" + timeToReady + "]";
    }
}
