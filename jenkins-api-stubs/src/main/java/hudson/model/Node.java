/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/hudson/model/Node.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package hudson.model;

import hudson.ExtensionPoint;
import hudson.remoting.VirtualChannel;
import hudson.security.AccessControlled;
import jenkins.util.io.OnMaster;

public abstract class Node extends AbstractModelObject implements ReconfigurableDescribable<Node>, ExtensionPoint, AccessControlled, OnMaster, PersistenceRoot {

    public final VirtualChannel getChannel() {
        throw new UnsupportedOperationException("Jenkins API stub");
    }
}
