package io.jenkins.plugins.dockerci.steps;

import hudson.model.Describable;
import hudson.model.Descriptor;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * The descriptor of a block nested in a step's parameters (a service, its readiness check): its list and map
 * parameters follow its {@link ParameterSyntax} in Jenkinsfiles, forms and views, as the steps' own do.
 *
 * @param <T> the block
 */
public abstract class ParameterBlockDescriptor<T extends Describable<T>> extends Descriptor<T> implements SyntaxModel {

    private final ParameterSyntax syntax;

    protected ParameterBlockDescriptor(ParameterSyntax syntax) {
        this.syntax = syntax;
    }

    @Override
    public ParameterSyntax syntax() {
        return syntax;
    }

    @Override
    public T newInstance(StaplerRequest2 req, JSONObject form) throws FormException {
        return super.newInstance(req, syntax.normaliseForm(form));
    }
}
