package io.jenkins.plugins.dockerci.cli.config;

import io.jenkins.plugins.dockerci.engine.ByteSizeText;
import io.jenkins.plugins.dockerci.engine.DurationText;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.registry.PullPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The state of reading one file: where relative paths start, how {@code ${VAR}} expands, and the problems found so
 * far. Values are expanded as they are read, so a problem points at the line that holds the variable.
 */
final class Reading {

    private final Path baseDir;
    private final EnvExpander expander;
    private final Map<String, String> env;
    private final List<Problem> problems = new ArrayList<>();

    Reading(Path baseDir, Map<String, String> env) {
        this.baseDir = baseDir;
        this.env = Map.copyOf(env);
        this.expander = new EnvExpander(env);
    }

    Path baseDir() {
        return baseDir;
    }

    Map<String, String> env() {
        return env;
    }

    List<Problem> problems() {
        return problems;
    }

    void problem(ConfigNode at, String message) {
        problems.add(at.problem(message));
    }

    /** The expanded text of a scalar, if present. */
    Optional<String> text(ConfigNode node) {
        return node.text(problems).map(raw -> expand(node, raw));
    }

    String text(ConfigNode node, String defaultValue) {
        return text(node).orElse(defaultValue);
    }

    List<String> strings(ConfigNode node) {
        List<String> values = new ArrayList<>();
        for (ConfigNode item : node.items(problems)) {
            text(item).ifPresent(values::add);
        }
        return values;
    }

    Map<String, String> stringMap(ConfigNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        node.entries(problems).forEach((key, value) -> values.put(key, text(value, "")));
        return values;
    }

    boolean bool(ConfigNode node, boolean defaultValue) {
        return node.bool(defaultValue, problems);
    }

    Optional<Duration> duration(ConfigNode node) {
        return text(node).flatMap(text -> check(node, () -> DurationText.parse(text, node.path())));
    }

    Optional<Long> size(ConfigNode node) {
        return text(node).flatMap(text -> check(node, () -> ByteSizeText.parse(text, node.path())));
    }

    Optional<Integer> port(ConfigNode node) {
        return text(node).flatMap(text -> {
            try {
                int port = Integer.parseInt(text.trim());
                if (port >= 1 && port <= 65535) {
                    return Optional.of(port);
                }
            } catch (NumberFormatException notANumber) {
                // reported below with the rule
            }
            problem(node, "'" + text + "' is not a port: use a number from 1 to 65535");
            return Optional.empty();
        });
    }

    /** A pull policy ({@code missing}, {@code always}, {@code never}), if present. */
    Optional<PullPolicy> pullPolicy(ConfigNode node) {
        return text(node).flatMap(value -> check(node, () -> PullPolicy.parse(value, "pull")));
    }

    /** Runs an engine validation; its message becomes a problem at {@code node}. */
    <T> Optional<T> check(ConfigNode node, Supplier<T> validation) {
        try {
            return Optional.ofNullable(validation.get());
        } catch (InvalidRequestException | IllegalArgumentException e) {
            problem(node, e.getMessage());
            return Optional.empty();
        }
    }

    private String expand(ConfigNode node, String raw) {
        EnvExpander.Result result = expander.expand(raw);
        for (String name : result.missing()) {
            problem(node, "environment variable " + name + " is not set; set it, or give a default: ${" + name + ":-value}");
        }
        return result.value();
    }
}
