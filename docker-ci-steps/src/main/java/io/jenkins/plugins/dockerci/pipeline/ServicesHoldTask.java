package io.jenkins.plugins.dockerci.pipeline;

import io.jenkins.plugins.dockerci.agent.AgentContext;
import io.jenkins.plugins.dockerci.agent.AgentTask;
import io.jenkins.plugins.dockerci.agent.Jep200;
import io.jenkins.plugins.dockerci.engine.services.EnvTemplates;
import io.jenkins.plugins.dockerci.engine.services.ServiceCoordinates;
import io.jenkins.plugins.dockerci.engine.services.ServiceSet;
import io.jenkins.plugins.dockerci.engine.services.ServiceSpec;
import io.jenkins.plugins.dockerci.params.EngineTarget;
import io.jenkins.plugins.dockerci.params.ServiceSettings;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Runs a {@code dockerServices} block's services on the agent for as long as its body runs: starts them with their
 * ports published on 127.0.0.1, tells the controller their coordinates, waits for the body to end, then removes them
 * (also when the wait is interrupted because the build was aborted).
 *
 * @param target    the engine and the build's identity
 * @param services  the services
 * @param templates variables built from the services' coordinates, as the body (on this host) reaches them
 * @param lease     the controller's side of the block
 */
record ServicesHoldTask(EngineTarget target, List<ServiceSettings> services, SortedMap<String, String> templates,
                        ServicesLease lease) implements AgentTask<ServicesHoldTask.Held> {

    private static final Pattern NOT_NAME = Pattern.compile("[^A-Z0-9_]");

    ServicesHoldTask {
        services = Jep200.list(services);
        templates = Jep200.map(templates);
    }

    @Override
    public Held run(AgentContext agent) throws IOException, InterruptedException {
        List<ServiceSpec> specs = services.stream().map(s -> published(s.toSpec())).toList();
        EnvTemplates parsed = EnvTemplates.parse(templates);
        return target.connect(agent, (engine, node) -> {
            ServiceSet set = ServiceSet.start(engine, specs, agent.log());
            InterruptedException interrupted = null;
            Map<String, String> exited;
            try {
                Map<String, String> environment = new TreeMap<>(coordinates(set));
                environment.putAll(set.resolveForHost(parsed));
                Map<String, Long> ready = new LinkedHashMap<>();
                set.timesToReady().forEach((name, took) -> ready.put(name, took.toMillis()));
                Map<String, String> images = new LinkedHashMap<>();
                services.forEach(s -> images.put(s.alias(), s.image()));
                lease.ready(ServicesStarted.of(environment, ready, images));
                lease.awaitRelease();
            } catch (InterruptedException e) {
                interrupted = e;
            } finally {
                exited = new TreeMap<>(set.exited());
                // the interrupt that ended the wait must not cut the teardown's Docker calls short
                boolean flag = Thread.interrupted();
                set.close();
                if (flag) {
                    Thread.currentThread().interrupt();
                }
            }
            if (interrupted != null) {
                throw interrupted;
            }
            return new Held(new TreeMap<>(exited));
        });
    }

    /** The same service, with its ports published on 127.0.0.1 of the Docker host. */
    private static ServiceSpec published(ServiceSpec spec) {
        return new ServiceSpec(spec.name(), spec.image(), spec.aliases(), spec.env(), spec.command(), spec.exposedPorts(),
                spec.waitStrategy(), spec.startupTimeout(), spec.dependsOn(), true, spec.createCmdModifier());
    }

    /** {@code DB_HOST=127.0.0.1}, {@code DB_PORT_5432=<published port>} and {@code DB_PORT} (the first port) per service. */
    static Map<String, String> coordinates(ServiceSet set) {
        Map<String, String> env = new TreeMap<>();
        for (ServiceCoordinates service : set.services().values()) {
            String prefix = variablePrefix(service.name());
            env.put(prefix + "_HOST", ServiceCoordinates.LOOPBACK);
            List<Integer> ports = new ArrayList<>(service.publishedPorts().keySet());
            for (Integer port : ports) {
                env.put(prefix + "_PORT_" + port, String.valueOf(service.publishedPorts().get(port)));
            }
            if (!service.exposedPorts().isEmpty() && service.publishedPorts().containsKey(service.exposedPorts().get(0))) {
                env.put(prefix + "_PORT", String.valueOf(service.publishedPorts().get(service.exposedPorts().get(0))));
            }
        }
        return env;
    }

    static String variablePrefix(String alias) {
        return NOT_NAME.matcher(alias.toUpperCase(Locale.ROOT)).replaceAll("_");
    }

    /** What the block's services left behind: the services that had stopped before the body ended, with how. */
    record Held(SortedMap<String, String> exited) implements Serializable {
        Held {
            exited = Jep200.map(exited);
        }
    }
}
