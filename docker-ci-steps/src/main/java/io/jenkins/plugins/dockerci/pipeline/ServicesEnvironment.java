package io.jenkins.plugins.dockerci.pipeline;

import hudson.EnvVars;
import io.jenkins.plugins.dockerci.agent.Jep200;
import java.io.IOException;
import java.util.Map;
import java.util.SortedMap;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;

/**
 * Adds a {@code dockerServices} block's coordinates to the environment of the steps in its body, after whatever the
 * enclosing blocks ({@code withEnv}, other wrappers) contribute.
 */
final class ServicesEnvironment extends EnvironmentExpander {

    private static final long serialVersionUID = 1L;

    private final EnvironmentExpander outer;
    private final SortedMap<String, String> variables;

    /**
     * @param outer     the expander of the enclosing context, or {@code null}
     * @param variables what to add (they win over the same names from outside)
     */
    ServicesEnvironment(EnvironmentExpander outer, Map<String, String> variables) {
        this.outer = outer;
        this.variables = Jep200.map(variables);
    }

    @Override
    public void expand(EnvVars env) throws IOException, InterruptedException {
        if (outer != null) {
            outer.expand(env);
        }
        env.putAll(variables);
    }
}
