/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/hudson/model/Actionable.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package hudson.model;

import jenkins.model.ModelObjectWithContextMenu;

public abstract class Actionable extends AbstractModelObject implements ModelObjectWithContextMenu {

    public void addAction(Action a) {
        throw new UnsupportedOperationException("Jenkins API stub");
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException("Jenkins API stub");
    }
}
