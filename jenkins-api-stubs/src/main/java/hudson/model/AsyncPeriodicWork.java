/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/hudson/model/AsyncPeriodicWork.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package hudson.model;

import java.io.IOException;

public abstract class AsyncPeriodicWork extends PeriodicWork {

    protected AsyncPeriodicWork(String name) {
    }

    @Override
    public final void doRun() {
        throw new UnsupportedOperationException("Jenkins API stub");
    }

    protected abstract void execute(TaskListener listener) throws IOException, InterruptedException;
}
