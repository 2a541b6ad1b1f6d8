/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/jenkins/model/Jenkins.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package jenkins.model;

import hudson.model.AbstractCIBase;
import hudson.model.Item;
import hudson.model.Node;
import hudson.model.DescriptorByNameOwner;
import hudson.model.ModifiableViewGroup;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import jakarta.servlet.ServletContext;
import java.io.File;
import java.io.IOException;
import java.util.List;
import jenkins.util.io.OnMaster;
import org.kohsuke.stapler.StaplerFallback;
import org.kohsuke.stapler.StaplerProxy;

public class Jenkins extends AbstractCIBase implements DirectlyModifiableTopLevelItemGroup, StaplerProxy, StaplerFallback,
        ModifiableViewGroup, AccessControlled, DescriptorByNameOwner, ModelObjectWithContextMenu, ModelObjectWithChildren,
        OnMaster, Loadable {

    /** Upstream: Overall/Administer; permissions exist only inside Jenkins. */
    public static final Permission ADMINISTER = null;

    protected Jenkins(File root, ServletContext context) throws IOException, InterruptedException {
    }

    public static Jenkins get() throws IllegalStateException {
        throw new IllegalStateException("Jenkins API stub: there is no running Jenkins");
    }

    public File getRootDir() {
        throw new UnsupportedOperationException("Jenkins API stub");
    }

    @Override
    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException("Jenkins API stub");
    }

    @Override
    public void load() throws IOException {
        throw new UnsupportedOperationException("Jenkins API stub");
    }

    public <T extends Item> List<T> getAllItems(Class<T> type) {
        throw new UnsupportedOperationException("Jenkins API stub");
    }

    public List<Node> getNodes() {
        throw new UnsupportedOperationException("Jenkins API stub");
    }
}
