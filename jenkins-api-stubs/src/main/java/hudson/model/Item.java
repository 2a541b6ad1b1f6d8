/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/hudson/model/Item.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package hudson.model;

import hudson.search.SearchableModelObject;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import jenkins.model.FullyNamed;
import jenkins.model.FullyNamedModelObject;
import jenkins.model.Named;
import jenkins.util.io.OnMaster;

public interface Item extends PersistenceRoot, FullyNamedModelObject, SearchableModelObject, FullyNamed, Named, AccessControlled, OnMaster {

    /** Upstream: the "Configure" permission; permissions exist only inside Jenkins. */
    Permission CONFIGURE = null;

    /** Upstream: the "ExtendedRead" permission; permissions exist only inside Jenkins. */
    Permission EXTENDED_READ = null;
}
