/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/hudson/model/listeners/RunListener.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package hudson.model.listeners;

import hudson.ExtensionPoint;
import hudson.model.Run;
import hudson.model.TaskListener;

public abstract class RunListener<R extends Run> implements ExtensionPoint {

    protected RunListener() {
    }

    public void onCompleted(R r, TaskListener listener) {
    }
}
