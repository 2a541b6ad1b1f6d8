/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/jenkins/model/AddressableModelObject.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package jenkins.model;

import hudson.model.ModelObject;

// Package from jenkins.model.HistoricalBuild (same package, no import); supertypes not read from the source.
public interface AddressableModelObject extends ModelObject {
}
