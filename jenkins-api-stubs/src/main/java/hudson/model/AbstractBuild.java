/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/hudson/model/AbstractBuild.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package hudson.model;

import hudson.FilePath;
import java.io.IOException;
import jenkins.model.lazy.LazyBuildMixIn;
import jenkins.scm.RunWithSCM;

public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>>
        extends Run<P, R> implements Queue.Executable, LazyBuildMixIn.LazyLoadingRun<P, R>, RunWithSCM<P, R> {

    protected AbstractBuild(P job) throws IOException {
        super(job);
    }

    public final FilePath getWorkspace() {
        throw new UnsupportedOperationException("Jenkins API stub");
    }
}
