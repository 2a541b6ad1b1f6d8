package io.jenkins.plugins.dockerci.engine.services;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.InternetProtocol;
import io.jenkins.plugins.dockerci.engine.LogSink;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure a service's image is on the Docker host: services are usually stock images (a database, a broker)
 * that the build did not make, so a missing one is pulled once, with the engine's registry configuration.
 */
final class ServiceImages {

    static final Duration PULL_TIMEOUT = Duration.ofMinutes(10);

    private ServiceImages() {
    }

    /** The TCP ports the image EXPOSEs, pulling it first if it is not on the host. */
    static List<Integer> exposedPorts(DockerClient docker, ServiceSpec spec, LogSink log) {
        ContainerConfig config = inspectOrPull(docker, spec, log).getConfig();
        if (config == null || config.getExposedPorts() == null) {
            return List.of();
        }
        return Arrays.stream(config.getExposedPorts()).filter(p -> p.getProtocol() == InternetProtocol.TCP)
                .map(ExposedPort::getPort).sorted().toList();
    }

    private static InspectImageResponse inspectOrPull(DockerClient docker, ServiceSpec spec, LogSink log) {
        try {
            return docker.inspectImageCmd(spec.image()).exec();
        } catch (NotFoundException missing) {
            log.info("Pulling " + spec.image() + " for service '" + spec.name() + "'");
        }
        try {
            if (!docker.pullImageCmd(spec.image()).start().awaitCompletion(PULL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ServiceStartException(spec.name(), "Pulling " + spec.image() + " for service '" + spec.name()
                        + "' did not finish within " + PULL_TIMEOUT.toMinutes() + " minutes. Pull it beforehand or check the registry.", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceStartException(spec.name(), "Interrupted while pulling " + spec.image() + " for service '" + spec.name() + "'", e);
        } catch (NotFoundException | DockerClientException e) {
            throw new ServiceStartException(spec.name(), "Service '" + spec.name() + "' needs image " + spec.image()
                    + ", which is not on the Docker host and could not be pulled: " + OneLine.of(e.getMessage())
                    + ". Check the image name, or build or pull it before the run.", e);
        }
        return docker.inspectImageCmd(spec.image()).exec();
    }
}
