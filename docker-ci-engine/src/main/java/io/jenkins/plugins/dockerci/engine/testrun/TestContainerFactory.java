package io.jenkins.plugins.dockerci.engine.testrun;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.docker.Uninterruptibly;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import io.jenkins.plugins.dockerci.engine.services.EnvTemplates;
import io.jenkins.plugins.dockerci.engine.services.OneLine;
import io.jenkins.plugins.dockerci.engine.services.ServiceSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Creates (does not start) the test container on the services' network, with the merged environment. */
final class TestContainerFactory {

    private final EngineContext ctx;

    TestContainerFactory(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** The created container's id; it is registered for removal with the services before it exists. */
    String create(TestRequest request, ServiceSet services) {
        String name = "dci-" + ctx.run().runId() + "-test-" + UUID.randomUUID().toString().substring(0, 8);
        HostConfig host = HostConfig.newHostConfig().withInit(true);
        services.network().ifPresent(host::withNetworkMode);
        CreateContainerCmd create = ctx.docker().createContainerCmd(request.image()).withName(name).withLabels(ctx.labels())
                .withEnv(environment(request, services, name).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                .withHostConfig(host);
        if (request.command() != null) {
            create.withCmd(request.command().argv());
        }
        if (request.entrypoint() != null) {
            // an empty list must reach Docker as [""]: that is how the API clears an image's entrypoint
            create.withEntrypoint(request.entrypoint().isEmpty() ? new String[] {""} : request.entrypoint().toArray(String[]::new));
        }
        if (request.workdir() != null) {
            create.withWorkingDir(request.workdir());
        }
        if (request.user() != null) {
            create.withUser(request.user());
        }
        ctx.tracker().creating(ResourceKind.CONTAINER, name);
        services.removeOnStop(name);
        try {
            // not cut short by an interrupt: the engine would create the container after teardown looked for it
            String id = Uninterruptibly.call("docker-ci-create-" + name, () -> create.exec().getId());
            ctx.tracker().created(ResourceKind.CONTAINER, name, id);
            return id;
        } catch (NotFoundException e) {
            throw new DockerCiException("The test container cannot be created: image " + request.image()
                    + " is not present on the Docker host (" + OneLine.of(e.getMessage()) + "). Build or pull it first.", e);
        }
    }

    /** Legacy link variables, then the request's env with its service templates resolved. */
    static Map<String, String> environment(TestRequest request, ServiceSet services, String containerName) {
        Map<String, String> env = new LinkedHashMap<>();
        if (request.legacyLinks()) {
            env.putAll(services.legacyLinkEnv(containerName));
        }
        env.putAll(services.resolve(EnvTemplates.parse(request.env())));
        return env;
    }
}
