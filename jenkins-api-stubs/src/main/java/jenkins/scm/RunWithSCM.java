/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/jenkins/scm/RunWithSCM.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package jenkins.scm;

import hudson.model.Job;
import hudson.model.Run;

public interface RunWithSCM<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT> & RunWithSCM<JobT, RunT>> {
}
