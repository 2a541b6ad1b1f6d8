/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/hudson/model/ModifiableItemGroup.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package hudson.model;

public interface ModifiableItemGroup<T extends Item> extends ItemGroup<T> {
}
