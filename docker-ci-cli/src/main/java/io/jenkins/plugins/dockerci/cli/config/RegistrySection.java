package io.jenkins.plugins.dockerci.cli.config;

import io.jenkins.plugins.dockerci.engine.registry.RegistryCredentials;
import io.jenkins.plugins.dockerci.engine.registry.RegistryHosts;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins.RegistryLogin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code registry} of a step: one map, or a list of maps, each naming a registry by {@code url} and its
 * credentials by {@code usernameVariable} and {@code passwordVariable}, environment variables read when the file is
 * read. Credentials never come from the file itself. An entry without variables only names the registry: its
 * credentials then come from the Docker CLI's configuration, as for any registry the file does not name.
 *
 * <p>Every step's entries serve the whole run (a {@code FROM} base, a service or test image, a push target), so one
 * registry may be given in several steps, but only with the same variables.
 */
final class RegistrySection {

    static final List<String> KEYS = List.of("url", "credentialsId", "usernameVariable", "passwordVariable");
    // keys people try for credentials: each gets the explanation instead of "unknown key"
    private static final List<String> SECRET_KEYS = List.of("username", "password", "token");

    private RegistrySection() {
    }

    /** A registry entry that names credentials, and where in the file it is. */
    record Entry(RegistryLogin login, String path, String variables) {
    }

    /**
     * Adds the logins of {@code node} (a step's {@code registry}) to {@code entries}, reporting what is wrong in the
     * file and a registry already given elsewhere with other variables.
     */
    static void read(ConfigNode node, Reading r, Map<String, Entry> entries) {
        if (node.isMissing()) {
            return;
        }
        List<ConfigNode> maps = node.isSequence() ? node.items(r.problems()) : List.of(node);
        for (ConfigNode map : maps) {
            if (!map.isMapping()) {
                r.problem(map, "a registry is a mapping: {url: registry.example.com, usernameVariable: REG_USER,"
                        + " passwordVariable: REG_PASSWORD}");
                continue;
            }
            entry(map, r).ifPresent(entry -> {
                Entry earlier = entries.putIfAbsent(entry.login().registry(), entry);
                if (earlier != null && !earlier.variables().equals(entry.variables())) {
                    r.problem(map, "registry " + entry.login().registry() + " is already given at " + earlier.path() + " with "
                            + earlier.variables() + ": the run uses one login per registry, so give it the same variables"
                            + " (or leave this entry out)");
                }
            });
        }
    }

    private static Optional<Entry> entry(ConfigNode node, Reading r) {
        List<String> known = new ArrayList<>(KEYS);
        known.addAll(SECRET_KEYS);
        node.allowOnly(known, r.problems());
        for (String forbidden : SECRET_KEYS) {
            if (!node.get(forbidden).isMissing()) {
                r.problem(node.get(forbidden), "never write credentials into the file: name environment variables with"
                        + " usernameVariable and passwordVariable, or use 'docker login' (~/.docker/config.json)");
            }
        }
        if (!node.get("credentialsId").isMissing()) {
            r.problem(node.get("credentialsId"), "credentialsId is for Jenkins; on the command line use usernameVariable and"
                    + " passwordVariable, or 'docker login'");
        }
        Optional<String> url = r.text(node.get("url"));
        if (url.isEmpty()) {
            r.problem(node, "the registry has no 'url', e.g. url: registry.example.com or url: https://registry.example.com");
            return Optional.empty();
        }
        Optional<String> registry = r.check(node.get("url"), () -> RegistryHosts.normalise(url.get()));
        Optional<String> userVar = r.text(node.get("usernameVariable"));
        Optional<String> passwordVar = r.text(node.get("passwordVariable"));
        if (registry.isEmpty() || userVar.isEmpty() && passwordVar.isEmpty()) {
            return Optional.empty();
        }
        if (userVar.isEmpty() || passwordVar.isEmpty()) {
            r.problem(node, "give both usernameVariable and passwordVariable (or neither, to use 'docker login' / ~/.docker/config.json)");
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
        if (user.indexOf(':') >= 0) {
            // the value is not quoted: with the variables swapped, it is the password
            r.problem(node, "the value of " + userVar.get() + " (usernameVariable) contains ':', which no registry username can:"
                    + " check that usernameVariable and passwordVariable are not swapped");
            return Optional.empty();
        }
        String variables = "environment variables " + userVar.get() + " and " + passwordVar.get();
        return r.check(node, () -> new Entry(new RegistryLogin(registry.get(), RegistryCredentials.usernamePassword(user, password),
                "the flow file's registry entry " + node.path() + " (" + variables + ")"), node.path() + " (line " + node.line() + ")",
                variables));
    }
}
