/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/hudson/EnvVars.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package hudson;

import java.util.Map;
import java.util.TreeMap;

public class EnvVars extends TreeMap<String, String> {

    private static final long serialVersionUID = 1L;

    /** Local behaviour: an empty environment whose keys compare case-insensitively, as upstream. */
    public EnvVars() {
        super(String.CASE_INSENSITIVE_ORDER);
    }

    /** Local behaviour: a copy of {@code m}. */
    public EnvVars(Map<String, String> m) {
        this();
        putAll(m);
    }

    /** Local behaviour: replaces {@code $NAME} and {@code ${NAME}} by their values; unknown names stay as they are. */
    public String expand(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '$' && i + 1 < s.length()) {
                int start;
                int end;
                int next;
                if (s.charAt(i + 1) == '{') {
                    start = i + 2;
                    end = s.indexOf('}', start);
                    next = end + 1;
                } else {
                    start = i + 1;
                    end = start;
                    while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
                        end++;
                    }
                    next = end;
                }
                if (end > start && containsKey(s.substring(start, end))) {
                    out.append(get(s.substring(start, end)));
                    i = next;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
