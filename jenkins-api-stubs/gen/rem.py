from w import w
U = 'throw new UnsupportedOperationException("Jenkins API stub");'
w('REM','org.jenkinsci.remoting.SerializableOnlyOverRemoting','import java.io.Serializable;\n\npublic interface SerializableOnlyOverRemoting extends Serializable {\n}')
w('REM','org.jenkinsci.remoting.RoleSensitive','public interface RoleSensitive {\n    void checkRoles(RoleChecker checker) throws SecurityException;\n}')
w('REM','org.jenkinsci.remoting.Role','''
public final class Role {

    private final String name;

    public Role(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }
}
''')
w('REM','org.jenkinsci.remoting.RoleChecker','''
import java.util.Collection;

public abstract class RoleChecker {
    public abstract void check(RoleSensitive subject, Collection<Role> expected) throws SecurityException;
}
''')
w('REM','hudson.remoting.Callable','''
import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;

public interface Callable<V, T extends Throwable> extends Serializable, RoleSensitive {
    V call() throws T;
}
''')
w('REM','hudson.remoting.VirtualChannel','''
import java.io.IOException;

public interface VirtualChannel {

    <V, T extends Throwable> V call(Callable<V, T> callable) throws IOException, T, InterruptedException;

    <T> T export(Class<T> type, T instance);
}
''')
w('CORE','jenkins.security.Roles','''
import org.jenkinsci.remoting.Role;

public class Roles {

    public static final Role SLAVE = new Role("slave");

    private Roles() {
    }
}
''')
w('CORE','jenkins.agents.ControllerToAgentCallable','''
import hudson.remoting.Callable;
import java.util.Set;
import jenkins.security.Roles;
import org.jenkinsci.remoting.RoleChecker;

public interface ControllerToAgentCallable<V, T extends Throwable> extends Callable<V, T> {

    @Override
    default void checkRoles(RoleChecker checker) throws SecurityException {
        checker.check(this, Set.of(Roles.SLAVE));
    }
}
''')
w('CORE','jenkins.agents.ControllerToAgentFileCallable','''
import hudson.FilePath;
import java.util.Set;
import jenkins.security.Roles;
import org.jenkinsci.remoting.RoleChecker;

public interface ControllerToAgentFileCallable<T> extends FilePath.FileCallable<T> {

    @Override
    default void checkRoles(RoleChecker checker) throws SecurityException {
        checker.check(this, Set.of(Roles.SLAVE));
    }
}
''')
w('CORE','jenkins.security.MasterToSlaveCallable','''
import jenkins.agents.ControllerToAgentCallable;

public abstract class MasterToSlaveCallable<V, T extends Throwable> implements ControllerToAgentCallable<V, T> {
    private static final long serialVersionUID = 1L;
}
''')
w('CORE','jenkins.MasterToSlaveFileCallable','''
import jenkins.agents.ControllerToAgentFileCallable;

public abstract class MasterToSlaveFileCallable<T> implements ControllerToAgentFileCallable<T> {
    private static final long serialVersionUID = 1L;
}
''')
w('CORE','hudson.FilePath','''
import hudson.remoting.Callable;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

public final class FilePath implements SerializableOnlyOverRemoting {

    private final String remote;

    /** Local behaviour: a path on this machine, worked on in-process. */
    public FilePath(File localPath) {
        this.remote = localPath.getPath();
    }

    /** Local behaviour: runs the callable in the calling thread on the local file, as upstream does for a local path. */
    public <T> T act(final FileCallable<T> callable) throws IOException, InterruptedException {
        return callable.invoke(new File(remote), getChannel());
    }

    /** Local behaviour: the in-process channel upstream calls the local channel. */
    public VirtualChannel getChannel() {
        return new InProcessChannel();
    }

    public interface FileCallable<T> extends Serializable, RoleSensitive {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }

    // stands in for remoting's LocalChannel: calls run in the calling thread, exports are the objects themselves
    private static final class InProcessChannel implements VirtualChannel {
        @Override
        public <V, T extends Throwable> V call(Callable<V, T> callable) throws T {
            return callable.call();
        }

        @Override
        public <T> T export(Class<T> type, T instance) {
            return instance;
        }
    }
}
''')
# stapler
w('STAP','org.kohsuke.stapler.DataBoundConstructor','''
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

@Retention(RUNTIME)
@Target(CONSTRUCTOR)
@Documented
public @interface DataBoundConstructor {
}
''')
w('STAP','org.kohsuke.stapler.DataBoundSetter','''
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

@Retention(RUNTIME)
@Target({METHOD, FIELD})
@Documented
public @interface DataBoundSetter {
}
''')
w('STAP','org.kohsuke.stapler.QueryParameter','''
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

@Retention(RUNTIME)
@Target(PARAMETER)
@Documented
public @interface QueryParameter {
    String value() default "";

    boolean required() default false;

    boolean fixEmpty() default false;
}
''')
w('STAP','org.kohsuke.stapler.AncestorInPath','''
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

@Retention(RUNTIME)
@Target(PARAMETER)
@Documented
public @interface AncestorInPath {
}
''')
w('STAP','org.kohsuke.stapler.verb.POST','''
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

@Target(METHOD)
@Retention(RUNTIME)
@Documented
public @interface POST {
}
''')
w('STAP','org.kohsuke.stapler.HttpResponse','public interface HttpResponse {\n}')
w('STAP','org.kohsuke.stapler.StaplerRequest2','''
import jakarta.servlet.http.HttpServletRequest;
import net.sf.json.JSONObject;

public interface StaplerRequest2 extends HttpServletRequest {
    void bindJSON(Object bean, JSONObject src);
}
''')
w('SYM','org.jenkinsci.Symbol','''
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.jvnet.hudson.annotation_indexer.Indexed;

@Indexed
@Retention(RUNTIME)
@Target(TYPE)
@Documented
public @interface Symbol {
    String[] value();
}
''')
w('AI','org.jvnet.hudson.annotation_indexer.Indexed','''
import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

@Documented
@Retention(RUNTIME)
@Target(ANNOTATION_TYPE)
public @interface Indexed {
}
''')
# forms
w('CORE','hudson.util.FormValidation','''
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

    public abstract String renderHtml();

    private static FormValidation of(Kind kind, String message) {
        String html = message == null ? null : escape(message);
        return new FormValidation(kind, html) {
            @Override
            public String renderHtml() {
                return html == null ? "<div/>" : "<div class=" + kind.name().toLowerCase() + ">" + html + "</div>";
            }
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
                case '\\'' -> out.append("&#039;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
''')
w('CORE','hudson.util.ListBoxModel','''
import java.util.ArrayList;
import org.kohsuke.stapler.HttpResponse;

public class ListBoxModel extends ArrayList<ListBoxModel.Option> implements HttpResponse {

    public ListBoxModel() {
    }

    public static final class Option {
        public String name;
        public String value;

        /** Local behaviour: an option shown as {@code name} submitting {@code value}. */
        public Option(String name, String value) {
            this.name = name;
            this.value = value;
        }
    }
}
''')
w('CORE','hudson.util.Secret','''
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
''')
