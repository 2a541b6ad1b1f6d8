package io.jenkins.plugins.dockerci.cli.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ${VAR}} and {@code ${VAR:-default}} from the environment, as a shell would.
 *
 * <p>Service templates such as {@code ${db.host}} contain a dot, which no environment variable name has, so they
 * are left for the engine to resolve once the services run. {@code $$} is passed on untouched, so that
 * {@code $${X}} reaches the engine, which turns it into a literal {@code ${X}}.
 */
public final class EnvExpander {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final Map<String, String> env;

    public EnvExpander(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The expanded value, with the names of variables that were unset and had no default. */
    public Result expand(String value) {
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        List<String> missing = new ArrayList<>();
        while (m.find()) {
            String replacement;
            if (m.group().equals("$$")) {
                replacement = "$$";
            } else {
                String set = env.get(m.group(1));
                if (set != null && !(set.isEmpty() && m.group(2) != null)) {
                    replacement = set;
                } else if (m.group(2) != null) {
                    replacement = m.group(2);
                } else {
                    missing.add(m.group(1));
                    replacement = "";
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return new Result(out.toString(), List.copyOf(missing));
    }

    /**
     * An expansion.
     *
     * @param value   the expanded text
     * @param missing variables that were referenced without a default but are not set
     */
    public record Result(String value, List<String> missing) {
    }
}
