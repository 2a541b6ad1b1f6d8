/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/hudson/triggers/SafeTimerTask.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package hudson.triggers;

import java.util.TimerTask;

public abstract class SafeTimerTask extends TimerTask {

    protected SafeTimerTask() {
    }

    @Override
    public final void run() {
        throw new UnsupportedOperationException("Jenkins API stub");
    }

    protected abstract void doRun() throws Exception;
}
