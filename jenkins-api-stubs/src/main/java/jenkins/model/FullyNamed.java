/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/jenkins/model/FullyNamed.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package jenkins.model;

// The supertypes of this interface were not read from the 2.541.3 source; only its package and name were.
public interface FullyNamed {
}
