/*
 * Compile-only stub of jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/common/StandardUsernameCredentials.java at tag 1511.v2e3cb_0008ef0.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package com.cloudbees.plugins.credentials.common;

public interface StandardUsernameCredentials extends StandardCredentials, UsernameCredentials {
}
