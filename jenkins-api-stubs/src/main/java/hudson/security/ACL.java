/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/hudson/security/ACL.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package hudson.security;

import org.springframework.security.core.Authentication;

public abstract class ACL {
    /** Upstream: the SYSTEM user's authentication; no such user exists outside Jenkins. */
    public static final Authentication SYSTEM2 = null;
}
