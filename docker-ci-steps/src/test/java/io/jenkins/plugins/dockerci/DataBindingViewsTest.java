package io.jenkins.plugins.dockerci;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Describable;
import io.jenkins.plugins.dockerci.testsupport.ClassFile;
import io.jenkins.plugins.dockerci.testsupport.Classpaths;
import java.beans.Introspector;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Every data-bound property of every Describable has its form field, its help file and a getter, and every form field
 * binds to a property; every view escapes by default.
 */
class DataBindingViewsTest {

    private static final Pattern FIELD = Pattern.compile("\\bfield=\"([^\"]+)\"");
    private static final String ESCAPE = "<?jelly escape-by-default='true'?>";

    @Test
    void everyDescribableHasAFieldAHelpFileAndAGetterForEachProperty() {
        List<Class<?>> describables = pluginDescribables();
        assertThat(describables).as("the walk must find the plugin's describables").isNotEmpty();

        List<String> problems = new ArrayList<>();
        describables.forEach(type -> problems.addAll(problemsOf(type)));

        assertThat(problems).isEmpty();
    }

    @Test
    void theWalkReportsAPropertyWithoutFieldHelpOrGetter() {
        assertThat(problemsOf(Undocumented.class)).containsExactlyInAnyOrder(
                "Undocumented: config.jelly has no field=\"name\"",
                "Undocumented: no help-name.html",
                "Undocumented: no getter for name",
                "Undocumented: config.jelly has no field=\"quiet\"",
                "Undocumented: no help-quiet.html",
                "Undocumented: field=\"stale\" in config.jelly binds to no property",
                "Undocumented: config.jelly does not start with " + ESCAPE);
    }

    @Test
    void everyJellyViewEscapesByDefault() throws IOException {
        for (ClassFile c : ClassFile.readAll(Classpaths.pluginClasses())) {
            String dir = c.name().replace('.', '/').replace('$', '/');
            for (String view : List.of("config.jelly", "global.jelly", "summary.jelly", "index.jelly")) {
                String text = resource(dir + "/" + view);
                if (text != null) {
                    assertThat(text).as(dir + "/" + view).startsWith(ESCAPE);
                }
            }
        }
        assertThat(resource("index.jelly")).as("the plugin description").startsWith(ESCAPE);
    }

    static List<String> problemsOf(Class<?> type) {
        List<String> problems = new ArrayList<>();
        String dir = type.getName().replace('.', '/').replace('$', '/');
        String name = type.getSimpleName();
        String jelly = resource(dir + "/config.jelly");
        if (jelly == null) {
            return List.of(name + ": no config.jelly in " + dir);
        }
        if (!jelly.startsWith(ESCAPE)) {
            problems.add(name + ": config.jelly does not start with " + ESCAPE);
        }
        Set<String> fields = new LinkedHashSet<>();
        Matcher m = FIELD.matcher(jelly);
        while (m.find()) {
            fields.add(m.group(1));
        }
        Set<String> properties = properties(type);
        for (String property : properties) {
            if (!fields.contains(property)) {
                problems.add(name + ": config.jelly has no field=\"" + property + "\"");
            }
            if (resource(dir + "/help-" + property + ".html") == null) {
                problems.add(name + ": no help-" + property + ".html");
            }
            if (!hasGetter(type, property)) {
                problems.add(name + ": no getter for " + property);
            }
        }
        for (String field : fields) {
            if (!properties.contains(field)) {
                problems.add(name + ": field=\"" + field + "\" in config.jelly binds to no property");
            }
        }
        return problems;
    }

    private static Set<String> properties(Class<?> type) {
        Set<String> names = new LinkedHashSet<>();
        for (Constructor<?> c : type.getConstructors()) {
            if (c.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter p : c.getParameters()) {
                    assertThat(p.isNamePresent()).as("compiled with -parameters: " + c).isTrue();
                    names.add(p.getName());
                }
            }
        }
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class)) {
                names.add(Introspector.decapitalize(method.getName().substring(3)));
            }
        }
        for (Field field : type.getDeclaredFields()) {
            if (field.isAnnotationPresent(DataBoundSetter.class)) {
                names.add(field.getName());
            }
        }
        return names;
    }

    private static boolean hasGetter(Class<?> type, String property) {
        String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (String prefix : List.of("get", "is")) {
            try {
                type.getMethod(prefix + suffix);
                return true;
            } catch (NoSuchMethodException e) {
                // try the next prefix
            }
        }
        return false;
    }

    private static List<Class<?>> pluginDescribables() {
        List<Class<?>> found = new ArrayList<>();
        for (ClassFile c : ClassFile.readAll(Classpaths.pluginClasses())) {
            Class<?> type = load(c.name());
            if (Describable.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers()) && !type.isInterface()) {
                found.add(type);
            }
        }
        return found;
    }

    private static String resource(String path) {
        try (InputStream in = DataBindingViewsTest.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, DataBindingViewsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A describable whose view (under test resources) forgets things: the walk must say so. */
    public static final class Undocumented implements Describable<Undocumented> {
        private final String title;

        @DataBoundConstructor
        public Undocumented(String title, String name) {
            this.title = title;
        }

        public String getTitle() {
            return title;
        }

        @DataBoundSetter
        public void setQuiet(boolean quiet) {
            // the walk only looks at the annotation
        }

        public boolean isQuiet() {
            return false;
        }
    }
}
