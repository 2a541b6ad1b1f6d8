package io.jenkins.plugins.dockerci.engine.services.wait;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.dockerci.engine.services.ExitWatch;
import io.jenkins.plugins.dockerci.engine.services.ServiceCoordinates;
import java.util.List;

/** A wait target for a service started with {@code Wait.forRunning()}, so a test can drive a strategy itself. */
final class StartedContainer implements WaitTarget, AutoCloseable {

    private final DockerClient docker;
    private final ServiceCoordinates service;
    private final ExitWatch exit;

    StartedContainer(DockerClient docker, ServiceCoordinates service) {
        this.docker = docker;
        this.service = service;
        this.exit = ExitWatch.start(docker, service.containerId());
    }

    @Override
    public DockerClient docker() {
        return docker;
    }

    @Override
    public String containerId() {
        return service.containerId();
    }

    @Override
    public String serviceName() {
        return service.name();
    }

    @Override
    public String ipAddress() {
        return service.ipAddress();
    }

    @Override
    public List<Integer> exposedPorts() {
        return service.exposedPorts();
    }

    @Override
    public boolean running() {
        return !exit.exited();
    }

    @Override
    public void close() {
        exit.close();
    }
}
