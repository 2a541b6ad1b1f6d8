/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/hudson/model/Queue.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package hudson.model;

import hudson.model.queue.SubTask;
import jenkins.console.WithConsoleUrl;
import jenkins.model.FullyNamedModelObject;

public class Queue extends ResourceController implements Saveable {

    private Queue() {
    }

    @Override
    public void save() {
        throw new UnsupportedOperationException("Jenkins API stub");
    }

    public interface Task extends FullyNamedModelObject, SubTask {
    }

    public interface Executable extends Runnable, WithConsoleUrl {
    }
}
