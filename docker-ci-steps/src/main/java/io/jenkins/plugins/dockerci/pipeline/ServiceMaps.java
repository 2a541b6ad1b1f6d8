package io.jenkins.plugins.dockerci.pipeline;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.params.CommandSpec;
import io.jenkins.plugins.dockerci.params.ParameterChecks;
import io.jenkins.plugins.dockerci.params.ReadinessSettings;
import io.jenkins.plugins.dockerci.params.ServiceSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code services} of a Jenkinsfile, written as the vocabulary's maps
 * ({@code [image: 'postgres:15', alias: 'db', env: [POSTGRES_DB: 'test'], ports: [5432], readiness: [port: 5432]]}),
 * turned into the shared {@link ServiceSettings}. Unknown keys are rejected, so a typo does not silently vanish.
 */
final class ServiceMaps {

    private static final Set<String> KEYS = Set.of("image", "alias", "aliases", "env", "command", "ports", "readiness",
            "timeout", "dependsOn");
    private static final Set<String> READINESS_KEYS = Set.of("port", "log", "times", "healthcheck", "command");

    private ServiceMaps() {
    }

    /**
     * @param function the step, for messages
     * @throws InvalidRequestException naming the service and the key that is wrong
     */
    static List<ServiceSettings> settings(List<Map<String, Object>> services, String function) {
        List<ServiceSettings> settings = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            settings.add(service(services.get(i), function + ".services[" + i + "]"));
        }
        return settings;
    }

    private static ServiceSettings service(Map<String, Object> map, String where) {
        String alias = text(map.get("alias"));
        String name = alias == null ? where : where + " (" + alias + ")";
        checkKeys(map, KEYS, name);
        Object readiness = map.get("readiness");
        return new ServiceSettings(alias, text(map.get("image")), strings(map.get("aliases"), name + ".aliases"),
                stringMap(map.get("env"), name + ".env"), command(map.get("command"), name + ".command"),
                ports(map.get("ports"), name + ".ports"),
                readiness == null ? null : readiness(asMap(readiness, name + ".readiness"), name + ".readiness"),
                ParameterChecks.parseDuration(text(map.get("timeout")), name + ".timeout", ServiceSettings.DEFAULT_TIMEOUT)
                        .toMillis(),
                strings(map.get("dependsOn"), name + ".dependsOn"));
    }

    private static ReadinessSettings readiness(Map<String, Object> map, String where) {
        checkKeys(map, READINESS_KEYS, where);
        Object times = map.get("times");
        return ReadinessSettings.of(map.get("port") == null ? null : port(map.get("port"), where + ".port"),
                text(map.get("log")), times == null ? 1 : integer(times, where + ".times"),
                Boolean.parseBoolean(String.valueOf(map.get("healthcheck"))), text(map.get("command")));
    }

    /** A string runs under {@code /bin/sh -c}; a list is the exec form. */
    static CommandSpec command(Object value, String where) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> argv) {
            return CommandSpec.exec(strings(argv, where));
        }
        return CommandSpec.shell(String.valueOf(value));
    }

    static List<String> strings(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidRequestException(where + ": expected a list such as ['a', 'b'], got '" + value + "'");
        }
        return list.stream().map(String::valueOf).toList();
    }

    static Map<String, String> stringMap(Object value, String where) {
        Map<String, String> copy = new TreeMap<>();
        asMap(value, where).forEach((k, v) -> copy.put(k, v == null ? "" : String.valueOf(v)));
        return copy;
    }

    private static List<Integer> ports(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            return List.of(port(value, where));
        }
        return list.stream().map(p -> port(p, where)).toList();
    }

    private static int port(Object value, String where) {
        int port = integer(value, where);
        if (port < 1 || port > 65535) {
            throw new InvalidRequestException(where + ": " + port + " is not a TCP port (1-65535)");
        }
        return port;
    }

    private static int integer(Object value, String where) {
        try {
            return value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(where + ": '" + value + "' is not a number");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String where) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidRequestException(where + ": expected a map such as [NAME: 'value'], got '" + value + "'");
        }
        Map<String, Object> copy = new TreeMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    private static void checkKeys(Map<String, Object> map, Set<String> allowed, String where) {
        for (String key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw new InvalidRequestException(where + ": unknown key '" + key + "'; the keys are " + new TreeSet<>(allowed));
            }
        }
    }

    private static String text(Object value) {
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value).trim();
    }
}
