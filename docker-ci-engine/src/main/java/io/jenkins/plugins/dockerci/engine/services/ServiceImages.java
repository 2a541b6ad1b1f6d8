package io.jenkins.plugins.dockerci.engine.services;

import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.InternetProtocol;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.registry.ImagePuller;
import java.util.Arrays;
import java.util.List;

/**
 * Makes sure a service's image is on the Docker host: services are usually stock images (a database, a broker)
 * that the build did not make, so one is pulled as its pull policy says, with the run's credentials for its registry.
 */
final class ServiceImages {

    private ServiceImages() {
    }

    /** The TCP ports the image EXPOSEs, pulling it first if its policy says so. */
    static List<Integer> exposedPorts(ImagePuller puller, ServiceSpec spec, LogSink log) {
        ContainerConfig config;
        try {
            config = puller.ensure(spec.image(), spec.pull(), "for service '" + spec.name() + "'", log).getConfig();
        } catch (DockerCiException e) {
            throw new ServiceStartException(spec.name(), "Service '" + spec.name() + "' cannot start: " + e.getMessage(), e);
        }
        if (config == null || config.getExposedPorts() == null) {
            return List.of();
        }
        return Arrays.stream(config.getExposedPorts()).filter(p -> p.getProtocol() == InternetProtocol.TCP)
                .map(ExposedPort::getPort).sorted().toList();
    }
}
