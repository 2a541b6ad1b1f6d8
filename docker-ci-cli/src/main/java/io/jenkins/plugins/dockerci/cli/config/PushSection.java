package io.jenkins.plugins.dockerci.cli.config;

import io.jenkins.plugins.dockerci.engine.image.ImageReference;
import io.jenkins.plugins.dockerci.engine.push.DockerConfigCredentials;
import io.jenkins.plugins.dockerci.engine.push.PushRequest;
import io.jenkins.plugins.dockerci.engine.push.RegistryCredentials;
import io.jenkins.plugins.dockerci.engine.push.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code dockerPush}. Credentials never come from the file itself: {@code registry.usernameVariable} and
 * {@code registry.passwordVariable} name environment variables, and without them the {@code auths} entry of the
 * Docker config ({@code $DOCKER_CONFIG/config.json} or {@code ~/.docker/config.json}) for that registry is used.
 */
final class PushSection {

    static final List<String> KEYS = List.of("image", "tags", "registry", "retries");
    static final List<String> REGISTRY_KEYS = List.of("url", "credentialsId", "usernameVariable", "passwordVariable");
    // keys people try for credentials: each gets the explanation instead of "unknown key"
    private static final List<String> SECRET_KEYS = List.of("username", "password", "token");

    private PushSection() {
    }

    static Optional<PushRequest> read(ConfigNode section, Reading r, boolean hasBuild) {
        section.allowOnly(KEYS, r.problems());
        Optional<String> image = r.text(section.get("image"));
        if (image.isEmpty() && !hasBuild) {
            r.problem(section, "no 'image' to push and no dockerBuild step to make one: add image: <reference>");
        }
        ConfigNode tagsNode = section.get("tags");
        List<ImageReference> targets = new ArrayList<>();
        for (ConfigNode tag : tagsNode.items(r.problems())) {
            r.text(tag).flatMap(t -> r.check(tag, () -> ImageReference.parse(t))).ifPresent(targets::add);
        }
        if (tagsNode.isMissing()) {
            r.problem(section, "no 'tags' to push: list the references, e.g. tags: ['registry.example.com/team/app:1.0']");
        }
        ConfigNode retriesNode = section.get("retries");
        int retries = r.text(retriesNode).flatMap(t -> r.check(retriesNode, () -> positive(t))).orElse(RetryPolicy.DEFAULT.maxAttempts());
        Optional<Login> login = registry(section.get("registry"), r);
        return r.check(section, () -> {
            PushRequest.Builder b = PushRequest.builder(image.orElse(FlowPlan.BUILT_IMAGE)).targets(targets)
                    .retry(new RetryPolicy(retries, RetryPolicy.DEFAULT.initialBackoff(), RetryPolicy.DEFAULT.maxBackoff()));
            login.ifPresent(l -> b.credentials(l.registry(), l.credentials()));
            for (ImageReference target : targets) {
                if (login.isEmpty() || !login.get().registry().equals(target.domain())) {
                    DockerConfigCredentials.load(r.env()).forRegistry(target.domain()).ifPresent(c -> b.credentials(target.domain(), c));
                }
            }
            return b.build();
        });
    }

    private record Login(String registry, RegistryCredentials credentials) {
    }

    private static Optional<Login> registry(ConfigNode node, Reading r) {
        if (node.isMissing()) {
            return Optional.empty();
        }
        List<String> known = new ArrayList<>(REGISTRY_KEYS);
        known.addAll(SECRET_KEYS);
        node.allowOnly(known, r.problems());
        for (String forbidden : SECRET_KEYS) {
            if (!node.get(forbidden).isMissing()) {
                r.problem(node.get(forbidden), "never write credentials into the file: name environment variables with"
                        + " usernameVariable and passwordVariable, or use 'docker login' (~/.docker/config.json)");
            }
        }
        Optional<String> url = r.text(node.get("url"));
        if (url.isEmpty()) {
            r.problem(node, "the registry has no 'url', e.g. url: registry.example.com or url: https://registry.example.com");
            return Optional.empty();
        }
        if (!node.get("credentialsId").isMissing()) {
            r.problem(node.get("credentialsId"), "credentialsId is for Jenkins; on the command line use usernameVariable and passwordVariable");
        }
        String registry = hostOf(url.get());
        Optional<String> userVar = r.text(node.get("usernameVariable"));
        Optional<String> passwordVar = r.text(node.get("passwordVariable"));
        if (userVar.isEmpty() && passwordVar.isEmpty()) {
            return DockerConfigCredentials.load(r.env()).forRegistry(registry).map(c -> new Login(registry, c));
        }
        if (userVar.isEmpty() || passwordVar.isEmpty()) {
            r.problem(node, "give both usernameVariable and passwordVariable (or neither, to use ~/.docker/config.json)");
            return Optional.empty();
        }
        String user = r.env().get(userVar.get());
        String password = r.env().get(passwordVar.get());
        if (user == null || password == null) {
            String missing = user == null ? userVar.get() : passwordVar.get();
            r.problem(node, "environment variable " + missing + " (named by " + (user == null ? "usernameVariable" : "passwordVariable")
                    + ") is not set; export it before running docker-ci");
            return Optional.empty();
        }
        return r.check(node, () -> new Login(registry, RegistryCredentials.usernamePassword(user, password)));
    }

    /** {@code https://registry.example.com:5000/v2/} → {@code registry.example.com:5000}. */
    static String hostOf(String url) {
        String host = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        int slash = host.indexOf('/');
        return slash >= 0 ? host.substring(0, slash) : host;
    }

    private static Integer positive(String text) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "' is not a number of attempts: use a whole number of at least 1");
    }
}
