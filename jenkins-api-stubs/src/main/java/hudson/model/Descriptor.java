/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/hudson/model/Descriptor.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package hudson.model;

import hudson.security.Permission;
import jenkins.model.Jenkins;
import jenkins.model.Loadable;
import jenkins.util.io.OnMaster;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;

public abstract class Descriptor<T extends Describable<T>> implements Loadable, Saveable, OnMaster {

    protected Descriptor(Class<? extends T> clazz) {
    }

    protected Descriptor() {
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("Jenkins API stub");
    }

    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        throw new UnsupportedOperationException("Jenkins API stub");
    }

    /** Local behaviour: there is no JENKINS_HOME outside Jenkins, so nothing is written. */
    @Override
    public synchronized void save() {
    }

    /** Local behaviour: there is no JENKINS_HOME outside Jenkins, so nothing is read. */
    @Override
    public synchronized void load() {
    }

    public Permission getRequiredGlobalConfigPagePermission() {
        throw new UnsupportedOperationException("Jenkins API stub");
    }

    protected static Class self() {
        return Self.class;
    }

    private static final class Self {
    }

    public static final class FormException extends Exception implements HttpResponse {
        public FormException(String message, String formField) {
            super(message);
        }
    }
}
