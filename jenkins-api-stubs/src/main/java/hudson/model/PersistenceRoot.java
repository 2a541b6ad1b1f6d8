/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/hudson/model/PersistenceRoot.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package hudson.model;

import hudson.model.Saveable;

public interface PersistenceRoot extends Saveable {
}
