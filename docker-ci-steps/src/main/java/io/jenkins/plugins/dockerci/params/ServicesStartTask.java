package io.jenkins.plugins.dockerci.params;

import io.jenkins.plugins.dockerci.agent.AgentContext;
import io.jenkins.plugins.dockerci.agent.AgentTask;
import io.jenkins.plugins.dockerci.agent.Jep200;
import io.jenkins.plugins.dockerci.engine.services.EnvTemplates;
import io.jenkins.plugins.dockerci.engine.services.ServiceCoordinates;
import io.jenkins.plugins.dockerci.engine.services.ServiceSet;
import io.jenkins.plugins.dockerci.engine.services.ServiceSpec;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Starts the services of a {@code dockerServices} block on the agent, with their ports published on 127.0.0.1, waits
 * until they are ready and leaves them running: the block's body runs next, and the step removes them when it ends
 * (by their ids, which come back to the controller). If a service does not get ready, or the start is interrupted,
 * everything started is removed before the task fails.
 *
 * @param target    the engine and the build's identity
 * @param services  the services
 * @param templates variables built from the services' coordinates, as the body (on this host) reaches them
 */
public record ServicesStartTask(EngineTarget target, List<ServiceSettings> services, SortedMap<String, String> templates)
        implements AgentTask<ServicesStarted> {

    private static final Pattern NOT_NAME = Pattern.compile("[^A-Z0-9_]");

    public ServicesStartTask {
        services = Jep200.list(services);
        templates = Jep200.map(templates);
    }

    @Override
    public ServicesStarted run(AgentContext agent) throws IOException, InterruptedException {
        List<ServiceSpec> specs = services.stream().map(s -> s.toSpec().withPublishPorts(true)).toList();
        EnvTemplates parsed = EnvTemplates.parse(templates);
        return target.connect(agent, (engine, node) -> {
            ServiceSet set = ServiceSet.start(engine, specs, agent.log());
            try {
                Map<String, String> environment = new TreeMap<>(coordinates(set));
                environment.putAll(set.resolveForHost(parsed));
                Map<String, Long> ready = new LinkedHashMap<>();
                set.timesToReady().forEach((name, took) -> ready.put(name, took.toMillis()));
                Map<String, String> images = new LinkedHashMap<>();
                services.forEach(s -> images.put(s.alias(), s.image()));
                Map<String, String> containers = new TreeMap<>();
                set.services().forEach((alias, service) -> containers.put(alias, service.containerId()));
                String network = set.network().orElse(null);
                set.keep();
                return ServicesStarted.of(environment, ready, images, containers, network);
            } catch (RuntimeException e) {
                set.close();
                throw e;
            }
        });
    }


    /** {@code DB_HOST=127.0.0.1}, {@code DB_PORT_5432=<published port>} and {@code DB_PORT} (the first port) per service. */
    static Map<String, String> coordinates(ServiceSet set) {
        Map<String, String> env = new TreeMap<>();
        for (ServiceCoordinates service : set.services().values()) {
            String prefix = variablePrefix(service.name());
            env.put(prefix + "_HOST", ServiceCoordinates.LOOPBACK);
            for (Map.Entry<Integer, Integer> port : service.publishedPorts().entrySet()) {
                env.put(prefix + "_PORT_" + port.getKey(), String.valueOf(port.getValue()));
            }
            if (!service.exposedPorts().isEmpty() && service.publishedPorts().containsKey(service.exposedPorts().get(0))) {
                env.put(prefix + "_PORT", String.valueOf(service.publishedPorts().get(service.exposedPorts().get(0))));
            }
        }
        return env;
    }

    /** The prefix of a service's variables: its alias upper-cased, other characters as {@code _}. */
    public static String variablePrefix(String alias) {
        return NOT_NAME.matcher(alias.toUpperCase(Locale.ROOT)).replaceAll("_");
    }
}
