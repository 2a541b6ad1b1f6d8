package io.jenkins.plugins.dockerci.params;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.agent.AgentContext;
import io.jenkins.plugins.dockerci.agent.Jep200;
import io.jenkins.plugins.dockerci.config.RegistryLogin;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.docker.DockerClients;
import io.jenkins.plugins.dockerci.engine.docker.DockerUnavailableException;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins;
import io.jenkins.plugins.dockerci.engine.services.Interruption;
import io.jenkins.plugins.dockerci.host.DockerHostSpec;
import io.jenkins.plugins.dockerci.host.NodeDockerHost;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * Which engine a step's work uses and whose work it is: the node's Docker host as resolved on the controller, the
 * build's owner and run ids (the labels of everything it creates), and the registry logins the build may use for
 * every image it pulls or pushes. Travels with every task to the agent; {@link #toString()} shows no password.
 *
 * @param host       the Docker host
 * @param ownerId    this Jenkins instance's owner id
 * @param runId      the build's run id
 * @param registries the logins by registry, in the order they win (the step's own, then the global list)
 */
public record EngineTarget(DockerHostSpec host, String ownerId, String runId, List<RegistryLogin> registries)
        implements Serializable {

    public EngineTarget {
        Objects.requireNonNull(host, "host");
        new RunContext(ownerId, runId);
        registries = Jep200.list(registries == null ? List.of() : registries);
    }

    /** A target whose pulls and pushes are anonymous (cleanup, the reaper). */
    public EngineTarget(DockerHostSpec host, String ownerId, String runId) {
        this(host, ownerId, runId, List.of());
    }

    /** The build's run context. */
    public RunContext run() {
        return new RunContext(ownerId, runId);
    }

    /** The run's source of registry credentials, with advice in Jenkins' terms. */
    private RegistryLogins logins() {
        return RegistryLogins.of(registries.stream().map(RegistryLogin::toEngine).toList(), Messages::EngineTarget_registryAdvice);
    }

    /** What the build's log masking must hide: the passwords of the registry logins. */
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>(host.secrets());
        registries.forEach(login -> secrets.addAll(login.secrets()));
        return secrets;
    }

    @Override
    public String toString() {
        return "EngineTarget[" + host + ", " + ownerId + ", " + runId + ", " + registries + "]";
    }

    /** Work that needs the engine, on the agent. */
    @FunctionalInterface
    public interface Work<R> {
        R run(EngineContext engine, NodeDockerHost node) throws IOException, InterruptedException;
    }

    /**
     * Connects to the node's engine, runs {@code work} with the build's labels and ledger, and disconnects.
     *
     * @throws InterruptedException when the build was aborted, also while connecting (the client reports that as a
     *                              connection failure, which it is not)
     */
    public <R> R connect(AgentContext agent, Work<R> work) throws IOException, InterruptedException {
        try (NodeDockerHost node = NodeDockerHost.open(host, System.getenv());
             DockerClient docker = connect(node)) {
            return work.run(new EngineContext(docker, run(), agent.tracker()).withRegistries(logins()), node);
        }
    }

    private static DockerClient connect(NodeDockerHost node) throws InterruptedException {
        try {
            return DockerClients.connect(node.endpoint());
        } catch (DockerUnavailableException e) {
            if (Thread.interrupted() || Interruption.causedBy(e) || cancelled(e)) {
                InterruptedException interrupted = new InterruptedException(Messages.EngineTarget_interrupted());
                interrupted.initCause(e);
                throw interrupted;
            }
            throw e;
        }
    }

    /** The HTTP client turns an interrupt during a request into a cancellation. */
    private static boolean cancelled(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CancellationException) {
                return true;
            }
        }
        return false;
    }
}
