/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/jenkins/model/Loadable.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package jenkins.model;

import java.io.IOException;

public interface Loadable {
    void load() throws IOException;
}
