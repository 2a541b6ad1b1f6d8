package io.jenkins.plugins.dockerci.steps;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Set;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * The descriptor of every Docker CI step: the one parameter model of a step for Pipeline, the Snippet Generator and
 * the freestyle build step that holds it. A step runs on the current {@code node} (Pipeline checks there is one); its
 * list and map parameters follow its {@link ParameterSyntax}.
 */
public abstract class DockerStepDescriptor extends StepDescriptor implements SyntaxModel {

    private final String functionName;
    private final ParameterSyntax syntax;

    protected DockerStepDescriptor(String functionName, ParameterSyntax syntax) {
        this.functionName = functionName;
        this.syntax = syntax;
    }

    @Override
    public final String getFunctionName() {
        return functionName;
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, TaskListener.class, FilePath.class, EnvVars.class);
    }

    @Override
    public ParameterSyntax syntax() {
        return syntax;
    }

    @Override
    public Step newInstance(StaplerRequest2 req, JSONObject form) throws FormException {
        return super.newInstance(req, syntax.normaliseForm(form));
    }
}
