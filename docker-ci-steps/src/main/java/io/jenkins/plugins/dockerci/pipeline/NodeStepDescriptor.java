package io.jenkins.plugins.dockerci.pipeline;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;

/** A step that runs on the current {@code node}: Pipeline checks there is one (and a build, console, environment). */
abstract class NodeStepDescriptor extends StepDescriptor {

    private final String functionName;
    private final String displayName;

    NodeStepDescriptor(String functionName, String displayName) {
        this.functionName = functionName;
        this.displayName = displayName;
    }

    @Override
    public final String getFunctionName() {
        return functionName;
    }

    @Override
    public final String getDisplayName() {
        return displayName;
    }

    @Override
    public final Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, TaskListener.class, FilePath.class, EnvVars.class);
    }
}
