/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/hudson/model/EnvironmentContributingAction.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package hudson.model;

import hudson.EnvVars;

public interface EnvironmentContributingAction extends Action {

    default void buildEnvironment(Run<?, ?> run, EnvVars env) {
        throw new UnsupportedOperationException("Jenkins API stub");
    }
}
