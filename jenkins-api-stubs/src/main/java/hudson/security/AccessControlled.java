/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/hudson/security/AccessControlled.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package hudson.security;

import org.springframework.security.access.AccessDeniedException;

public interface AccessControlled {

    default void checkPermission(Permission permission) throws AccessDeniedException {
        throw new UnsupportedOperationException("Jenkins API stub");
    }

    default boolean hasPermission(Permission permission) {
        throw new UnsupportedOperationException("Jenkins API stub");
    }
}
