package io.jenkins.plugins.dockerci.params;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The variables a {@code dockerServices} block may get from the agent that started its services: for each service
 * {@code <ALIAS>_HOST}, {@code <ALIAS>_PORT} and {@code <ALIAS>_PORT_<n>}, and the names of the block's {@code env}
 * templates. The controller decides this, not the agent: Jenkins treats agents as untrusted, and an agent must not be
 * able to set {@code PATH} or {@code LD_PRELOAD} for the steps of the block (finding W14 of the runtime review).
 */
public final class ServicesVariables {

    private final Pattern coordinates;
    private final Set<String> templateNames;

    /**
     * @param aliases       the services' aliases
     * @param templateNames the names of the block's {@code env} templates
     */
    public ServicesVariables(Set<String> aliases, Set<String> templateNames) {
        String prefixes = aliases.stream().map(alias -> Pattern.quote(ServicesStartTask.variablePrefix(alias)))
                .collect(Collectors.joining("|"));
        this.coordinates = Pattern.compile("(" + (prefixes.isEmpty() ? "(?!)" : prefixes) + ")_(HOST|PORT|PORT_[0-9]+)");
        this.templateNames = Set.copyOf(templateNames);
    }

    /** The expected variables of {@code reported}; each other name is passed to {@code unexpected} and dropped. */
    public Map<String, String> accept(Map<String, String> reported, Consumer<String> unexpected) {
        Map<String, String> accepted = new TreeMap<>();
        reported.forEach((name, value) -> {
            if (templateNames.contains(name) || coordinates.matcher(name).matches()) {
                accepted.put(name, value);
            } else {
                unexpected.accept(name);
            }
        });
        return accepted;
    }
}
