package io.jenkins.plugins.dockerci.steps;

import java.util.Map;
import org.jenkinsci.plugins.structs.describable.CustomDescribableModel;
import org.jenkinsci.plugins.structs.describable.UninstantiatedDescribable;

/**
 * A descriptor whose list and map parameters follow a {@link ParameterSyntax} in Jenkinsfiles and views: the steps'
 * descriptors and those of the blocks nested in their parameters, which extend different Jenkins base classes.
 */
public interface SyntaxModel extends CustomDescribableModel {

    /** How this model's parameters are written. */
    ParameterSyntax syntax();

    @Override
    default Map<String, Object> customInstantiate(Map<String, Object> arguments) {
        return syntax().customInstantiate(arguments);
    }

    @Override
    default UninstantiatedDescribable customUninstantiate(UninstantiatedDescribable described) {
        return syntax().customUninstantiate(described);
    }

    /** A list or map parameter as its form field shows it (used by the views). */
    default String text(Object value) {
        return ParameterSyntax.text(value);
    }
}
