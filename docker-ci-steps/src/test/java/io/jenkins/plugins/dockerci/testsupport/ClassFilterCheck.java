package io.jenkins.plugins.dockerci.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What Jenkins' JEP-200 class filter would reject in the Java serialisation of an object (what remoting sends to an
 * agent, or back): classes that are not the plugin's own, not Jenkins' own, not a {@link Throwable}, an enum or an
 * array, and not on Jenkins' list of allowed JDK classes ({@code jenkins/security/whitelisted-classes.txt}; the
 * subset below is what our values may use).
 */
public final class ClassFilterCheck {

    private static final Pattern ALLOWED = Pattern.compile(
            "io\\.jenkins\\.plugins\\.dockerci\\..*"
                    + "|(hudson|jenkins|org\\.jenkinsci)\\..*"
                    + "|java\\.lang\\.(String|Boolean|Integer|Long|Number|Enum|StackTraceElement)"
                    + "|java\\.util\\.(ArrayList|HashMap|LinkedHashMap|TreeMap|HashSet|TreeSet|Optional|UUID"
                    + "|Collections\\$(Unmodifiable\\w+|Empty\\w+|Singleton\\w+))"
                    + "|\\[.*");

    private ClassFilterCheck() {
    }

    /** The classes in {@code object}'s serialised form that the class filter would reject. */
    public static Set<String> rejectedClassesOf(Object object) {
        Set<String> rejected = new TreeSet<>();
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream()) {
            @Override
            protected void writeClassDescriptor(ObjectStreamClass desc) throws IOException {
                Class<?> type = desc.forClass();
                if (!ALLOWED.matcher(type.getName()).matches() && !Throwable.class.isAssignableFrom(type) && !type.isEnum()) {
                    rejected.add(type.getName());
                }
                super.writeClassDescriptor(desc);
            }
        }) {
            out.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise " + object, e);
        }
        return rejected;
    }
}
