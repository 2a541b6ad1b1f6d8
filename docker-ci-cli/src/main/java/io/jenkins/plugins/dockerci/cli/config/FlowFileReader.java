package io.jenkins.plugins.dockerci.cli.config;

import io.jenkins.plugins.dockerci.engine.build.BuildRequest;
import io.jenkins.plugins.dockerci.engine.cleanup.BuildCachePolicy;
import io.jenkins.plugins.dockerci.engine.cleanup.CleanupPolicy;
import io.jenkins.plugins.dockerci.engine.push.PushRequest;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins.RegistryLogin;
import io.jenkins.plugins.dockerci.engine.testrun.TestRequest;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@code docker-ci.yml} into a {@link FlowPlan}, reporting every problem at once with its YAML path and line.
 * Touches no Docker engine: it checks the file, the references, the templates and that the Dockerfile exists.
 */
public final class FlowFileReader {

    static final List<String> SECTIONS = List.of("dockerBuild", "dockerTest", "dockerPush", "dockerCleanup");

    private final Map<String, String> env;

    /** @param env the environment {@code ${VAR}} expands from and credentials variables are read from */
    public FlowFileReader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The outcome of reading a file: the plan when there were no problems. */
    public record Result(Optional<FlowPlan> plan, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    public Result read(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Reading r = new Reading(absolute.getParent(), env);
        ConfigNode root;
        try (Reader in = Files.newBufferedReader(absolute, StandardCharsets.UTF_8)) {
            root = ConfigNode.parse(in, r.problems());
        } catch (NoSuchFileException e) {
            return new Result(Optional.empty(), List.of(new Problem("(file)", 0, absolute + " does not exist; give the file with -f")));
        } catch (IOException e) {
            return new Result(Optional.empty(), List.of(new Problem("(file)", 0, "cannot read " + absolute + ": " + e.getMessage())));
        }
        if (!root.isMapping()) {
            if (r.problems().isEmpty()) {
                r.problem(root, "the file must be a mapping with at least one of " + String.join(", ", SECTIONS));
            }
            return new Result(Optional.empty(), r.problems());
        }
        root.allowOnly(SECTIONS, r.problems());
        boolean hasBuild = !root.get("dockerBuild").isMissing();
        Optional<BuildRequest> build = section(root, "dockerBuild", r).flatMap(s -> BuildSection.read(s, r));
        Optional<TestRequest> test = section(root, "dockerTest", r).flatMap(s -> TestSection.read(s, r, hasBuild));
        Optional<PushRequest> push = section(root, "dockerPush", r).flatMap(s -> PushSection.read(s, r, hasBuild));
        CleanupPolicy cleanup = section(root, "dockerCleanup", r).map(s -> cleanupPolicy(s, r)).orElse(CleanupPolicy.REMOVE_ALL);
        Map<String, RegistrySection.Entry> registries = new LinkedHashMap<>();
        for (String step : List.of("dockerBuild", "dockerTest", "dockerPush")) {
            // a step that is not a mapping was reported above
            if (root.get(step).isMapping()) {
                RegistrySection.read(root.get(step).get("registry"), r, registries);
            }
        }
        if (!r.problems().isEmpty()) {
            return new Result(Optional.empty(), r.problems());
        }
        List<RegistryLogin> logins = registries.values().stream().map(RegistrySection.Entry::login).toList();
        return new Result(Optional.of(new FlowPlan(absolute, build, test, push, cleanup, logins)), List.of());
    }

    private static Optional<ConfigNode> section(ConfigNode root, String key, Reading r) {
        ConfigNode node = root.get(key);
        if (node.isMissing()) {
            return Optional.empty();
        }
        if (!node.isMapping()) {
            r.problem(node, key + " must be a mapping of its parameters");
            return Optional.empty();
        }
        return Optional.of(node);
    }

    private static CleanupPolicy cleanupPolicy(ConfigNode section, Reading r) {
        section.allowOnly(List.of("builtImagePolicy", "buildCache"), r.problems());
        return builtImagePolicy(section.get("builtImagePolicy"), r).withBuildCache(buildCache(section.get("buildCache"), r));
    }

    /** {@code buildCache: none}, or a mapping of {@code maxUnused} and {@code maxSize} (each defaulting to the default's). */
    private static BuildCachePolicy buildCache(ConfigNode node, Reading r) {
        if (node.isMissing()) {
            return BuildCachePolicy.DEFAULT;
        }
        if (node.isScalar()) {
            return r.text(node).map(value -> {
                if (!value.equalsIgnoreCase("none")) {
                    r.problem(node, "'" + value + "' is not a build cache setting: use none, or a mapping of maxUnused and maxSize");
                }
                return BuildCachePolicy.NONE;
            }).orElse(BuildCachePolicy.DEFAULT);
        }
        node.allowOnly(List.of("maxUnused", "maxSize"), r.problems());
        int problems = r.problems().size();
        Duration maxUnused = r.duration(node.get("maxUnused")).orElse(BuildCachePolicy.DEFAULT.maxUnused());
        long maxBytes = r.size(node.get("maxSize")).orElse(BuildCachePolicy.DEFAULT.maxBytes());
        if (r.problems().size() > problems) {
            return BuildCachePolicy.DEFAULT;
        }
        try {
            return new BuildCachePolicy(maxUnused, maxBytes);
        } catch (IllegalArgumentException e) {
            r.problem(node, "maxUnused and maxSize must both be above zero to keep build cache (or write buildCache: none)");
            return BuildCachePolicy.DEFAULT;
        }
    }

    private static CleanupPolicy builtImagePolicy(ConfigNode node, Reading r) {
        return r.text(node).map(value -> switch (value) {
            case "REMOVE" -> CleanupPolicy.REMOVE_ALL;
            case "KEEP_PUSHED" -> CleanupPolicy.KEEP_PUSHED;
            case "KEEP" -> CleanupPolicy.KEEP_IMAGES;
            default -> {
                r.problem(node, "'" + value + "' is not a policy: use REMOVE, KEEP_PUSHED or KEEP");
                yield CleanupPolicy.REMOVE_ALL;
            }
        }).orElse(CleanupPolicy.REMOVE_ALL);
    }
}
