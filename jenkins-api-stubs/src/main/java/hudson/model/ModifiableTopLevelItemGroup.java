/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/hudson/model/ModifiableTopLevelItemGroup.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package hudson.model;

public interface ModifiableTopLevelItemGroup extends ModifiableItemGroup<TopLevelItem> {
}
