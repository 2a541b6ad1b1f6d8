/*
 * Compile-only stub of jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/EnvironmentExpander.java at tag 724.v538c2362b_dfb_.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package org.jenkinsci.plugins.workflow.steps;

import hudson.EnvVars;
import java.io.IOException;
import java.io.Serializable;

public abstract class EnvironmentExpander implements Serializable {

    private static final long serialVersionUID = 1L;

    public abstract void expand(EnvVars env) throws IOException, InterruptedException;

}
