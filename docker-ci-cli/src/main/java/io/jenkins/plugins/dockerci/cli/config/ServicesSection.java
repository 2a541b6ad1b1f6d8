package io.jenkins.plugins.dockerci.cli.config;

import io.jenkins.plugins.dockerci.engine.registry.PullPolicy;
import io.jenkins.plugins.dockerci.engine.services.ContainerCommand;
import io.jenkins.plugins.dockerci.engine.services.ServiceSpec;
import io.jenkins.plugins.dockerci.engine.services.wait.Wait;
import io.jenkins.plugins.dockerci.engine.services.wait.WaitStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code dockerTest.services}: one map per service container. */
final class ServicesSection {

    static final List<String> KEYS = List.of("image", "alias", "aliases", "env", "command", "ports", "readiness",
            "timeout", "dependsOn", "pull");
    static final List<String> READINESS_KEYS = List.of("port", "log", "times", "healthcheck", "command");

    private ServicesSection() {
    }

    static List<ServiceSpec> read(ConfigNode services, Reading r) {
        List<ServiceSpec> specs = new ArrayList<>();
        for (ConfigNode service : services.items(r.problems())) {
            if (!service.isMapping()) {
                r.problem(service, "a service is a mapping with at least 'image' and 'alias'");
                continue;
            }
            readService(service, r).ifPresent(specs::add);
        }
        return specs;
    }

    private static Optional<ServiceSpec> readService(ConfigNode service, Reading r) {
        service.allowOnly(KEYS, r.problems());
        Optional<String> image = r.text(service.get("image"));
        List<String> aliases = new ArrayList<>();
        r.text(service.get("alias")).ifPresent(aliases::add);
        aliases.addAll(r.strings(service.get("aliases")));
        if (image.isEmpty()) {
            r.problem(service, "the service has no 'image'");
        }
        if (aliases.isEmpty()) {
            r.problem(service, "the service has no 'alias': give the name the tests reach it by, e.g. alias: db");
        }
        var env = r.stringMap(service.get("env"));
        Optional<ContainerCommand> command = CommandValue.read(service.get("command"), r);
        List<Integer> ports = new ArrayList<>();
        service.get("ports").items(r.problems()).forEach(p -> r.port(p).ifPresent(ports::add));
        Optional<WaitStrategy> readiness = readiness(service.get("readiness"), r);
        var timeout = r.duration(service.get("timeout"));
        List<String> dependsOn = r.strings(service.get("dependsOn"));
        Optional<PullPolicy> pull = r.pullPolicy(service.get("pull"));
        if (image.isEmpty() || aliases.isEmpty()) {
            return Optional.empty();
        }
        return r.check(service, () -> {
            ServiceSpec.Builder b = ServiceSpec.builder(aliases.get(0), image.get())
                    .alias(aliases.subList(1, aliases.size()).toArray(String[]::new))
                    .env(env)
                    .expose(ports.stream().mapToInt(Integer::intValue).toArray())
                    .dependsOn(dependsOn.toArray(String[]::new));
            command.ifPresent(b::command);
            readiness.ifPresent(b::waitingFor);
            timeout.ifPresent(b::startupTimeout);
            pull.ifPresent(b::pull);
            return b.build();
        });
    }

    private static Optional<WaitStrategy> readiness(ConfigNode node, Reading r) {
        if (node.isMissing()) {
            return Optional.empty();
        }
        node.allowOnly(READINESS_KEYS, r.problems());
        List<String> given = READINESS_KEYS.stream().filter(k -> !k.equals("times") && !node.get(k).isMissing()).toList();
        if (given.size() != 1) {
            r.problem(node, "give exactly one of port, log, healthcheck or command (found "
                    + (given.isEmpty() ? "none" : String.join(", ", given)) + ")");
            return Optional.empty();
        }
        ConfigNode value = node.get(given.get(0));
        return switch (given.get(0)) {
            case "port" -> {
                List<Integer> ports = new ArrayList<>();
                value.items(r.problems()).forEach(p -> r.port(p).ifPresent(ports::add));
                yield ports.isEmpty() ? Optional.empty() : Optional.of(Wait.forPorts(ports));
            }
            case "log" -> r.text(value).flatMap(regex -> r.check(value, () -> {
                int times = r.text(node.get("times")).map(Integer::parseInt).orElse(1);
                return Wait.forLogMessage(regex).withTimes(times);
            }));
            case "healthcheck" -> r.bool(value, true) ? Optional.of(Wait.forHealthcheck()) : Optional.empty();
            default -> CommandValue.read(value, r).map(cmd -> cmd instanceof ContainerCommand.Shell shell
                    ? Wait.forShellCommand(shell.script())
                    : Wait.forCommand(cmd.argv().toArray(String[]::new)));
        };
    }
}
