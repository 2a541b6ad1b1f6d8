package io.jenkins.plugins.dockerci.engine.services;

import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.docker.Uninterruptibly;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Running, ready service containers on a fresh user-defined bridge network of their own, and their coordinates.
 *
 * <p>{@link #start} returns only once every service is ready; if one fails, it removes whatever it created and
 * throws. {@link #close()} removes the containers (with their anonymous volumes) and the network; containers
 * joined to the network by the caller must be removed before. Usable on its own (for example to run services
 * around a build step whose clients run on the Docker host: publish their ports and use
 * {@code ${name.hostPort.N}}).
 */
public final class ServiceSet implements AutoCloseable {

    private final String network;
    private final Map<String, ServiceCoordinates> services;
    private final List<ServiceContainer> watched;
    private final Teardown teardown;
    private final LogSink log;

    private ServiceSet(String network, Map<String, ServiceCoordinates> services, List<ServiceContainer> watched, Teardown teardown,
                       LogSink log) {
        this.network = network;
        this.services = Collections.unmodifiableMap(services);
        this.watched = List.copyOf(watched);
        this.teardown = teardown;
        this.log = log;
    }

    /**
     * Creates the network and starts the services, concurrently where {@code dependsOn} allows, and waits until all are ready.
     * With no services, nothing is created.
     *
     * @throws io.jenkins.plugins.dockerci.engine.InvalidRequestException for inconsistent specs (nothing was created)
     * @throws ServiceStartException when a service did not become ready (everything created was removed)
     * @throws InterruptedException  when the calling thread was interrupted (everything created was removed)
     */
    public static ServiceSet start(EngineContext ctx, List<ServiceSpec> specs, LogSink log) throws InterruptedException {
        ServiceGraph.validate(specs);
        Teardown teardown = new Teardown(ctx.docker(), Teardown.DEFAULT_BOUND);
        if (specs.isEmpty()) {
            return new ServiceSet(null, Map.of(), List.of(), teardown, log);
        }
        String network = "dci-" + ctx.run().runId() + "-net-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            ctx.tracker().creating(ResourceKind.NETWORK, network);
            teardown.network(network);
            // an interrupt must not cut the create call short: the engine would create the network after teardown ran
            String id = Uninterruptibly.call("docker-ci-create-" + network, () -> ctx.docker().createNetworkCmd()
                    .withName(network).withDriver("bridge").withLabels(ctx.labels()).withCheckDuplicate(true).exec().getId());
            ctx.tracker().created(ResourceKind.NETWORK, network, id);
            ServiceStartup startup = new ServiceStartup(new ServiceLauncher(ctx, network, teardown, log), log);
            Map<String, ServiceCoordinates> running = startup.startAll(specs);
            return new ServiceSet(network, running, startup.readyContainers(), teardown, log);
        } catch (InterruptedException e) {
            throw cleanedUp(e, teardown, log);
        } catch (RuntimeException e) {
            if (Interruption.causedBy(e)) {
                InterruptedException interrupted = new InterruptedException("interrupted while starting the services");
                interrupted.initCause(e);
                throw cleanedUp(interrupted, teardown, log);
            }
            throw cleanedUp(e, teardown, log);
        } catch (Error e) {
            throw cleanedUp(e, teardown, log);
        }
    }

    private static <T extends Throwable> T cleanedUp(T failure, Teardown teardown, LogSink log) {
        List<String> problems = teardown.run(log);
        if (failure instanceof InterruptedException) {
            // the caller learns of the interrupt by the exception: the flag must not stay set as well
            Thread.interrupted();
        }
        if (!problems.isEmpty()) {
            failure.addSuppressed(new DockerCiException("Cleanup after the failed start: " + String.join("; ", problems)));
        }
        return failure;
    }

    /** The services' network, to join further containers to; empty when there are no services. */
    public Optional<String> network() {
        return Optional.ofNullable(network);
    }

    /** Coordinates by service name, in the order the services were specified. */
    public Map<String, ServiceCoordinates> services() {
        return services;
    }

    /** The coordinates of one service. */
    public ServiceCoordinates service(String name) {
        ServiceCoordinates c = services.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no service '" + name + "'; services: " + services.keySet());
        }
        return c;
    }

    /** The templates resolved for a container on the services' network (validate them against the specs before starting). */
    public Map<String, String> resolve(EnvTemplates templates) {
        return templates.resolve(services);
    }

    /** The templates resolved for a process on the Docker host, through the ports the services publish on 127.0.0.1. */
    public Map<String, String> resolveForHost(EnvTemplates templates) {
        return templates.resolveForHost(services);
    }

    /** The legacy {@code --link} variables of every service, as seen from the container named {@code consumerName}. */
    public Map<String, String> legacyLinkEnv(String consumerName) {
        Map<String, String> vars = new TreeMap<>();
        services.values().forEach(s -> vars.putAll(LegacyLinkEnv.of(s, consumerName)));
        return vars;
    }

    /** How long each service took from start to ready, by name. */
    public Map<String, Duration> timesToReady() {
        Map<String, Duration> times = new LinkedHashMap<>();
        services.forEach((name, c) -> times.put(name, c.timeToReady()));
        return times;
    }

    /**
     * Removes {@code containerIdOrName} together with the services when they stop, before the network: for a
     * container the caller joins to the network. Register it before creating it, so a failed create leaves nothing.
     */
    public void removeOnStop(String containerIdOrName) {
        teardown.container(containerIdOrName);
    }

    /**
     * Leaves everything running for someone to inspect (they remain labelled, so the reaper removes them later) and
     * stops watching the services; returns the containers and network left behind.
     */
    public List<String> keep() {
        watched.forEach(ServiceContainer::stopWatching);
        return teardown.pending();
    }

    /**
     * The services that stopped running since they became ready, with how ("exited with code 137"), by name: a
     * database that crashed under the tests explains their failure better than the tests can.
     */
    public Map<String, String> exited() {
        Map<String, String> exited = new LinkedHashMap<>();
        watched.forEach(c -> c.exit().ifPresent(how -> exited.put(c.serviceName(), how)));
        return exited;
    }

    /**
     * Removes the service containers and the network. Idempotent and bounded; returns the problems (also logged at WARN).
     */
    public List<String> stop() {
        watched.forEach(ServiceContainer::stopWatching);
        return teardown.run(log);
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }
}
