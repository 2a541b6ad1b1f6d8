/*
 * Compile-only stub of jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/BodyExecutionCallback.java at tag 724.v538c2362b_dfb_.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

public abstract class BodyExecutionCallback implements Serializable {

    private static final long serialVersionUID = 1L;

    public abstract void onSuccess(StepContext context, Object result);

    public abstract void onFailure(StepContext context, Throwable t);
}
