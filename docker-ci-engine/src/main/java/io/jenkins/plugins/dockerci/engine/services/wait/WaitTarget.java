package io.jenkins.plugins.dockerci.engine.services.wait;

import com.github.dockerjava.api.DockerClient;
import java.util.List;

/** A started service container, as seen by a {@link WaitStrategy}. */
public interface WaitTarget {

    /** The client to inspect, exec in or read logs of the container with. */
    DockerClient docker();

    /** The container's id. */
    String containerId();

    /** The service's name, for messages. */
    String serviceName();

    /** The container's IP address on the service network (reachable from the Docker host). */
    String ipAddress();

    /** The TCP ports the service offers: those of its spec, else those its image EXPOSEs. */
    List<Integer> exposedPorts();

    /** {@code false} once the container has exited; strategies stop waiting then. */
    boolean running();
}
