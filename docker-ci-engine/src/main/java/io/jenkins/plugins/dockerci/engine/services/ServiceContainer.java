package io.jenkins.plugins.dockerci.engine.services;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.dockerci.engine.services.wait.WaitTarget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** A started service container on its way to ready. */
final class ServiceContainer implements WaitTarget {

    private final DockerClient docker;
    private final ServiceSpec spec;
    private final String id;
    private final String name;
    private final String ipAddress;
    private final List<Integer> exposedPorts;
    private final Map<Integer, Integer> publishedPorts;
    private final ExitWatch exitWatch;

    ServiceContainer(DockerClient docker, ServiceSpec spec, String id, String name, String ipAddress, List<Integer> exposedPorts,
                     Map<Integer, Integer> publishedPorts, ExitWatch exitWatch) {
        this.docker = docker;
        this.spec = spec;
        this.id = id;
        this.name = name;
        this.ipAddress = ipAddress;
        this.exposedPorts = List.copyOf(exposedPorts);
        this.publishedPorts = publishedPorts;
        this.exitWatch = exitWatch;
    }

    @Override
    public DockerClient docker() {
        return docker;
    }

    @Override
    public String containerId() {
        return id;
    }

    @Override
    public String serviceName() {
        return spec.name();
    }

    @Override
    public String ipAddress() {
        return ipAddress;
    }

    @Override
    public List<Integer> exposedPorts() {
        return exposedPorts;
    }

    @Override
    public boolean running() {
        return !exitWatch.exited();
    }

    ServiceSpec spec() {
        return spec;
    }

    String containerName() {
        return name;
    }

    /** How the container ended if it did ("exited with code 137"), else empty. */
    Optional<String> exit() {
        if (!exitWatch.exited()) {
            return Optional.empty();
        }
        OptionalInt code = exitWatch.exitCode();
        return Optional.of(code.isPresent() ? "exited with code " + code.getAsInt() : "stopped running");
    }

    /** Stops watching for the exit (the service failed to start, or is being torn down). */
    void stopWatching() {
        exitWatch.close();
    }

    ServiceCoordinates coordinates(Duration timeToReady) {
        return new ServiceCoordinates(spec.name(), spec.allAliases(), id, name, ipAddress, exposedPorts, spec.env(),
                publishedPorts, timeToReady);
    }
}
