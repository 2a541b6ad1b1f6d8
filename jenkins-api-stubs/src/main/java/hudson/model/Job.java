/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/hudson/model/Job.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package hudson.model;

import hudson.ExtensionPoint;
import jenkins.model.ModelObjectWithChildren;
import jenkins.widgets.HasWidgets;
import org.kohsuke.stapler.StaplerOverridable;

public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>>
        extends AbstractItem implements ExtensionPoint, StaplerOverridable, ModelObjectWithChildren, HasWidgets {

    protected Job(ItemGroup parent, String name) {
        super(parent, name);
    }

    public RunT getLastBuild() {
        throw new UnsupportedOperationException("Jenkins API stub");
    }
}
