/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/hudson/util/FormValidation.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package hudson.util;

import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;

public abstract class FormValidation extends IOException implements HttpResponse {

    public enum Kind {
        OK,
        WARNING,
        ERROR
    }

    public final Kind kind;

    private FormValidation(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** Local behaviour: an OK without a message. */
    public static FormValidation ok() {
        return of(Kind.OK, null);
    }

    /** Local behaviour: the message is HTML-escaped, as upstream. */
    public static FormValidation warning(String message) {
        return of(Kind.WARNING, message);
    }

    /** Local behaviour: the message is HTML-escaped, as upstream. */
    public static FormValidation error(String message) {
        return of(Kind.ERROR, message);
    }

    private static FormValidation of(Kind kind, String message) {
        return new FormValidation(kind, message == null ? null : escape(message)) {
        };
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#039;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
