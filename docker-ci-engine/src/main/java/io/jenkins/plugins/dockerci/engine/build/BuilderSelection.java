package io.jenkins.plugins.dockerci.engine.build;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.buildkit.BuildKitClient;
import io.jenkins.plugins.dockerci.engine.buildkit.BuildKitSupport;
import io.jenkins.plugins.dockerci.engine.docker.DockerClients;
import io.jenkins.plugins.dockerci.engine.docker.EngineTransport;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins;
import java.util.Optional;

/**
 * Which builder builds a request: {@code classic} and {@code buildkit} as asked; {@code auto} asks the engine
 * ({@link BuildKitSupport}) and takes BuildKit when it offers it.
 *
 * @param builder the builder that will run: {@link BuilderChoice#BUILDKIT} or {@link BuilderChoice#CLASSIC}
 * @param client  for BuildKit, the client that talks to it
 * @param reason  why {@code auto} chose as it did, for the build log; empty when the request named the builder
 */
record BuilderSelection(BuilderChoice builder, Optional<BuildKitClient> client, String reason) {

    /**
     * @throws DockerCiException when the request needs BuildKit (asked for, or for its secrets) and it cannot be used
     */
    static BuilderSelection choose(BuildRequest request, DockerClient docker, RegistryLogins logins) {
        if (request.builder() == BuilderChoice.CLASSIC) {
            return classic("");
        }
        // a client made by DockerClients knows its engine's address, which the BuildKit session connects to
        Optional<EngineTransport> known = DockerClients.transport(docker);
        if (known.isEmpty()) {
            if (request.builder() == BuilderChoice.AUTO && request.secrets().isEmpty()) {
                return classic("this Docker client does not say where its engine is");
            }
            throw new DockerCiException("BuildKit builds need a Docker client made by DockerClients, which knows the engine's"
                    + " address for the build's session; build with builder: classic, or report this as a bug of the step.");
        }
        EngineTransport transport = known.get();
        BuildKitClient client = new BuildKitClient(transport, transport.endpoint(), logins);
        if (request.builder() == BuilderChoice.BUILDKIT) {
            return new BuilderSelection(BuilderChoice.BUILDKIT, Optional.of(client), "");
        }
        BuildKitSupport support = BuildKitSupport.probe(transport);
        if (support.offered()) {
            return new BuilderSelection(BuilderChoice.BUILDKIT, Optional.of(client), support.reason());
        }
        if (!request.secrets().isEmpty()) {
            throw new DockerCiException("Build secrets " + request.secrets().ids() + " need BuildKit, and the Docker engine at "
                    + transport.endpoint().describe() + " does not offer it: " + support.reason() + ". Use an engine with"
                    + " BuildKit (Docker 18.09 or newer on Linux), or remove the secrets.");
        }
        return classic(support.reason());
    }

    /** For the build log: {@code BuildKit (engine API 1.41 on linux)}, {@code the classic builder}. */
    String describe() {
        return (builder == BuilderChoice.BUILDKIT ? "BuildKit" : "the classic builder") + (reason.isEmpty() ? "" : " (" + reason + ")");
    }

    private static BuilderSelection classic(String reason) {
        return new BuilderSelection(BuilderChoice.CLASSIC, Optional.empty(), reason);
    }
}
