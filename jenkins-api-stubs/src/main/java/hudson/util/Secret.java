/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/hudson/util/Secret.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package hudson.util;

import java.io.Serializable;

public final class Secret implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String value;

    Secret(String value) {
        this.value = value;
    }

    /** Local behaviour: wraps the text (there is no instance key outside Jenkins to decrypt with); null becomes "". */
    public static Secret fromString(String data) {
        return new Secret(data == null ? "" : data);
    }

    public String getPlainText() {
        return value;
    }
}
