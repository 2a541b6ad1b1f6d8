/*
 * Compile-only stub of jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/StepExecution.java at tag 724.v538c2362b_dfb_.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

public abstract class StepExecution implements Serializable {

    private static final long serialVersionUID = 1L;

    private final transient StepContext context;

    /** Local behaviour: keeps the context for {@link #getContext()}. */
    protected StepExecution(StepContext context) {
        this.context = context;
    }

    public StepContext getContext() {
        return context;
    }

    public abstract boolean start() throws Exception;

    public void stop(Throwable cause) throws Exception {
        throw new UnsupportedOperationException("Jenkins API stub");
    }

    public void onResume() {
        throw new UnsupportedOperationException("Jenkins API stub");
    }

    public String getStatus() {
        throw new UnsupportedOperationException("Jenkins API stub");
    }
}
