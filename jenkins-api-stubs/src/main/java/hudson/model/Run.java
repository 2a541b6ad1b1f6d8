/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/hudson/model/Run.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package hudson.model;

import hudson.ExtensionPoint;
import hudson.security.AccessControlled;
import java.io.File;
import java.io.IOException;
import jenkins.console.WithConsoleUrl;
import jenkins.model.HistoricalBuild;
import jenkins.util.io.OnMaster;
import org.kohsuke.stapler.StaplerProxy;

public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>>
        extends Actionable implements ExtensionPoint, Comparable<RunT>, AccessControlled, PersistenceRoot,
        DescriptorByNameOwner, OnMaster, StaplerProxy, HistoricalBuild, WithConsoleUrl {

    protected Run(JobT job) throws IOException {
    }

    public String getExternalizableId() {
        throw new UnsupportedOperationException("Jenkins API stub");
    }

    @Override
    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException("Jenkins API stub");
    }

    public Result getResult() {
        throw new UnsupportedOperationException("Jenkins API stub");
    }

    public void setResult(Result r) {
        throw new UnsupportedOperationException("Jenkins API stub");
    }

    public File getRootDir() {
        throw new UnsupportedOperationException("Jenkins API stub");
    }

    public boolean isBuilding() {
        throw new UnsupportedOperationException("Jenkins API stub");
    }

    public final RunT getPreviousBuildInProgress() {
        throw new UnsupportedOperationException("Jenkins API stub");
    }
}
