package io.jenkins.plugins.dockerci;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerci.testsupport.ClassFile;
import io.jenkins.plugins.dockerci.testsupport.ClassFile.MemberRef;
import io.jenkins.plugins.dockerci.testsupport.Classpaths;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the Jenkins API stubs to what the plugin uses: every public member a stub declares must be referenced,
 * overridden or implemented by the plugin's main code, or be listed with a reason in {@code allowed-unused.txt}
 * (members the next build steps will use, and the few that only test doubles need). A listed member that the main
 * code now uses must leave the list.
 */
class StubSurfaceTest {

    private static final String ALLOWED = "/io/jenkins/plugins/dockerci/StubSurfaceTest/allowed-unused.txt";

    private static List<ClassFile> plugin;
    private static List<Class<?>> pluginClasses;
    private static List<Class<?>> stubs;

    @BeforeAll
    static void scan() throws IOException {
        plugin = ClassFile.readAll(Classpaths.pluginClasses());
        pluginClasses = plugin.stream().<Class<?>>map(c -> load(c.name())).toList();
        stubs = Classpaths.classFiles(Classpaths.stubClasses()).stream()
                .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
                .<Class<?>>map(StubSurfaceTest::load)
                .filter(c -> Modifier.isPublic(c.getModifiers()))
                .toList();
    }

    @Test
    void everyPublicStubMemberIsUsedByThePluginOrListedWithAReason() throws IOException {
        Map<String, String> allowed = allowedUnused();
        Set<String> unused = new TreeSet<>(unusedMembers());

        assertThat(new TreeSet<>(unused)).as("public stub members the plugin's main code does not use; remove them from "
                + "the stub, or list them with a reason in " + ALLOWED).isSubsetOf(allowed.keySet());
        Set<String> stale = new TreeSet<>(allowed.keySet());
        stale.removeAll(unused);
        assertThat(stale).as("listed in " + ALLOWED + " but used by the plugin now, or not declared by any stub: "
                + "remove the line").isEmpty();
    }

    @Test
    void theCheckSeesMembersThePluginUses() {
        // guards the check itself: these are certainly used, so they must not be reported
        assertThat(unusedMembers()).doesNotContain(
                "jenkins.model.Jenkins#get()",
                "hudson.FilePath#act(hudson.FilePath$FileCallable)",
                "hudson.model.TaskListener#getLogger()",
                "hudson.model.Descriptor#getDisplayName()",
                "hudson.model.Descriptor#load()");
    }

    private static Set<String> unusedMembers() {
        Set<MemberRef> refs = plugin.stream().flatMap(c -> c.memberRefs().stream()).collect(Collectors.toSet());
        Map<Member, String> candidates = new LinkedHashMap<>();
        for (Class<?> stub : stubs) {
            for (Member m : publicMembers(stub)) {
                if (!exempt(stub, m)) {
                    candidates.put(m, key(m));
                }
            }
        }
        Set<Member> used = new HashSet<>();
        for (Member m : candidates.keySet()) {
            if (referenced(m, refs) || overriddenByPlugin(m)) {
                used.add(m);
            }
        }
        // a stub member that implements or overrides a used member is needed for the used one to exist
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Member m : candidates.keySet()) {
                if (!used.contains(m) && m instanceof Method method && overridesUsed(method, used)) {
                    used.add(m);
                    grew = true;
                }
            }
        }
        return candidates.entrySet().stream().filter(e -> !used.contains(e.getKey())).map(Map.Entry::getValue)
                .collect(Collectors.toSet());
    }

    private static List<Member> publicMembers(Class<?> type) {
        List<Member> members = new ArrayList<>();
        Stream.of(type.getDeclaredConstructors()).filter(c -> Modifier.isPublic(c.getModifiers())).forEach(members::add);
        Stream.of(type.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge())
                .forEach(members::add);
        Stream.of(type.getDeclaredFields()).filter(f -> Modifier.isPublic(f.getModifiers()) && !f.isSynthetic()).forEach(members::add);
        return members;
    }

    private static boolean exempt(Class<?> type, Member m) {
        if (type.isAnnotation()) {
            return true; // annotation elements are the annotation's shape, set by name in source
        }
        if (type.isEnum() && (m instanceof Field f && f.isEnumConstant()
                || m instanceof Method method && (method.getName().equals("values") || method.getName().equals("valueOf")))) {
            return true;
        }
        if (m instanceof Constructor<?> c && c.getParameterCount() == 0 && Modifier.isAbstract(type.getModifiers())) {
            return true; // the implicit constructor of an abstract class: reachable only through subclasses
        }
        return m instanceof Method method && overridesJdk(type, method);
    }

    private static boolean overridesJdk(Class<?> type, Method method) {
        return supertypes(type).stream().filter(s -> !isStub(s))
                .anyMatch(s -> declares(s, method.getName(), method.getParameterTypes()));
    }

    private static boolean referenced(Member m, Set<MemberRef> refs) {
        String name = m instanceof Constructor<?> ? "<init>" : m.getName();
        String descriptor = descriptor(m);
        for (MemberRef ref : refs) {
            if (!ref.name().equals(name) || !ref.descriptor().equals(descriptor)) {
                continue;
            }
            Class<?> owner = load(ref.owner());
            Class<?> declaring = m.getDeclaringClass();
            if (m instanceof Constructor<?> ? owner == declaring
                    : declaring.isAssignableFrom(owner) || owner.isAssignableFrom(declaring)) {
                return true;
            }
        }
        return false;
    }

    private static boolean overriddenByPlugin(Member m) {
        if (!(m instanceof Method method)) {
            return false;
        }
        return pluginClasses.stream().filter(p -> method.getDeclaringClass().isAssignableFrom(p))
                .anyMatch(p -> declares(p, method.getName(), method.getParameterTypes()));
    }

    private static boolean overridesUsed(Method method, Set<Member> used) {
        return used.stream().filter(u -> u instanceof Method).map(u -> (Method) u)
                .anyMatch(u -> u.getName().equals(method.getName())
                        && Arrays.equals(u.getParameterTypes(), method.getParameterTypes())
                        && u.getDeclaringClass() != method.getDeclaringClass()
                        && u.getDeclaringClass().isAssignableFrom(method.getDeclaringClass()));
    }

    private static boolean declares(Class<?> type, String name, Class<?>[] parameters) {
        try {
            type.getDeclaredMethod(name, parameters);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Set<Class<?>> supertypes(Class<?> type) {
        Set<Class<?>> all = new HashSet<>();
        List<Class<?>> todo = new ArrayList<>(List.of(type));
        while (!todo.isEmpty()) {
            Class<?> next = todo.remove(0);
            if (next.getSuperclass() != null && all.add(next.getSuperclass())) {
                todo.add(next.getSuperclass());
            }
            for (Class<?> i : next.getInterfaces()) {
                if (all.add(i)) {
                    todo.add(i);
                }
            }
        }
        if (type.isInterface()) {
            all.add(Object.class);
        }
        return all;
    }

    private static boolean isStub(Class<?> type) {
        return stubs.contains(type);
    }

    private static String descriptor(Member m) {
        if (m instanceof Field f) {
            return f.getType().descriptorString();
        }
        Executable e = (Executable) m;
        Class<?> returns = e instanceof Method method ? method.getReturnType() : void.class;
        return MethodType.methodType(returns, e.getParameterTypes()).toMethodDescriptorString();
    }

    private static String key(Member m) {
        String owner = m.getDeclaringClass().getName();
        if (m instanceof Field) {
            return owner + "#" + m.getName();
        }
        String name = m instanceof Constructor<?> ? "<init>" : m.getName();
        String parameters = Stream.of(((Executable) m).getParameterTypes()).map(Class::getName).collect(Collectors.joining(","));
        return owner + "#" + name + "(" + parameters + ")";
    }

    private static Map<String, String> allowedUnused() throws IOException {
        Map<String, String> allowed = new LinkedHashMap<>();
        try (InputStream in = StubSurfaceTest.class.getResourceAsStream(ALLOWED)) {
            assertThat(in).as(ALLOWED).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split("\\s+", 2);
                assertThat(parts).as("line '%s' needs a member and a reason", trimmed).hasSize(2);
                allowed.put(parts[0], parts[1]);
            }
        }
        return allowed;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, StubSurfaceTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot load " + name, e);
        }
    }
}
