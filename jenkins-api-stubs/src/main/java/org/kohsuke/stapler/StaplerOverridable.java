/*
 * Compile-only stub of jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/StaplerOverridable.java at tag 2050.v425108fd5089.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package org.kohsuke.stapler;

public interface StaplerOverridable {
}
