package io.jenkins.plugins.dockerci.engine.services;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.docker.Uninterruptibly;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import io.jenkins.plugins.dockerci.engine.registry.ImagePuller;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Creates and starts one service container on the service network, labelled and recorded. */
final class ServiceLauncher {

    private final EngineContext ctx;
    private final String network;
    private final Teardown teardown;

    private final LogSink log;

    ServiceLauncher(EngineContext ctx, String network, Teardown teardown, LogSink log) {
        this.ctx = ctx;
        this.network = network;
        this.teardown = teardown;
        this.log = log;
    }

    ServiceContainer launch(ServiceSpec spec) {
        String name = "dci-" + ctx.run().runId() + "-" + spec.name() + "-" + UUID.randomUUID().toString().substring(0, 8);
        List<Integer> imagePorts = ServiceImages.exposedPorts(new ImagePuller(ctx), spec, log);
        List<Integer> ports = spec.exposedPorts().isEmpty() ? imagePorts : spec.exposedPorts();
        List<ExposedPort> exposed = ports.stream().map(ExposedPort::tcp).toList();
        HostConfig host = HostConfig.newHostConfig().withInit(true).withNetworkMode(network);
        if (spec.publishPorts()) {
            host.withPortBindings(exposed.stream().map(p -> new PortBinding(Ports.Binding.bindIp(ServiceCoordinates.LOOPBACK), p)).toList());
        }
        CreateContainerCmd create = ctx.docker().createContainerCmd(spec.image()).withName(name).withLabels(ctx.labels())
                .withEnv(spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                .withExposedPorts(exposed).withHostConfig(host).withAliases(spec.allAliases());
        if (spec.command() != null) {
            create.withCmd(spec.command().argv());
        }
        if (spec.createCmdModifier() != null) {
            spec.createCmdModifier().accept(create);
        }
        ctx.tracker().creating(ResourceKind.CONTAINER, name);
        teardown.container(name);
        // not cut short by an interrupt: the engine would create the container after teardown looked for it
        String id = Uninterruptibly.call("docker-ci-create-" + name, () -> create.exec().getId());
        ctx.tracker().created(ResourceKind.CONTAINER, name, id);
        ctx.docker().startContainerCmd(id).exec();
        ExitWatch exitWatch = ExitWatch.start(ctx.docker(), id);
        InspectContainerResponse inspect = ctx.docker().inspectContainerCmd(id).exec();
        return new ServiceContainer(ctx.docker(), spec, id, name, ipAddress(inspect), ports, publishedPorts(inspect), exitWatch);
    }

    private String ipAddress(InspectContainerResponse inspect) {
        ContainerNetwork on = inspect.getNetworkSettings() == null ? null : inspect.getNetworkSettings().getNetworks().get(network);
        return on == null || on.getIpAddress() == null ? "" : on.getIpAddress();
    }

    private static Map<Integer, Integer> publishedPorts(InspectContainerResponse inspect) {
        Map<Integer, Integer> published = new HashMap<>();
        if (inspect.getNetworkSettings() == null || inspect.getNetworkSettings().getPorts() == null) {
            return published;
        }
        inspect.getNetworkSettings().getPorts().getBindings().forEach((port, bindings) -> {
            if (bindings != null) {
                for (Ports.Binding b : bindings) {
                    if (ServiceCoordinates.LOOPBACK.equals(b.getHostIp()) && b.getHostPortSpec() != null) {
                        published.put(port.getPort(), Integer.parseInt(b.getHostPortSpec()));
                    }
                }
            }
        });
        return published;
    }
}
