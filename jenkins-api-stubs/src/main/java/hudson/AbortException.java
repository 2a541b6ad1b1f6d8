/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/hudson/AbortException.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package hudson;

import java.io.IOException;

public final class AbortException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Local behaviour: a failure whose message is shown to the user without a stack trace. */
    public AbortException(String message) {
        super(message);
    }
}
