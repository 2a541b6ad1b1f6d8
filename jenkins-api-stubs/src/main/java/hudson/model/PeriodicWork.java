/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/hudson/model/PeriodicWork.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package hudson.model;

import hudson.ExtensionPoint;
import hudson.triggers.SafeTimerTask;

public abstract class PeriodicWork extends SafeTimerTask implements ExtensionPoint {

    protected PeriodicWork() {
    }

    public abstract long getRecurrencePeriod();
}
