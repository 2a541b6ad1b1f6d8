package io.jenkins.plugins.dockerci.steps;

import hudson.model.Describable;
import hudson.model.Descriptor;
import java.util.Map;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.structs.describable.CustomDescribableModel;
import org.jenkinsci.plugins.structs.describable.UninstantiatedDescribable;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * The descriptor of a block nested in a step's parameters (a service, its readiness check): its list and map
 * parameters follow its {@link ParameterSyntax} in Jenkinsfiles, forms and views, as the steps' own do.
 *
 * @param <T> the block
 */
public abstract class ParameterBlockDescriptor<T extends Describable<T>> extends Descriptor<T> implements CustomDescribableModel {

    private final ParameterSyntax syntax;

    protected ParameterBlockDescriptor(ParameterSyntax syntax) {
        this.syntax = syntax;
    }

    @Override
    public Map<String, Object> customInstantiate(Map<String, Object> arguments) {
        return syntax.customInstantiate(arguments);
    }

    @Override
    public UninstantiatedDescribable customUninstantiate(UninstantiatedDescribable described) {
        return syntax.customUninstantiate(described);
    }

    @Override
    public T newInstance(StaplerRequest2 req, JSONObject form) throws FormException {
        return super.newInstance(req, syntax.normaliseForm(form));
    }

    /** A list or map parameter as its form field shows it (used by the views). */
    public String text(Object value) {
        return ParameterSyntax.text(value);
    }
}
