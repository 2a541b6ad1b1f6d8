package io.jenkins.plugins.dockerci.agent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Read-only collections of plain JDK classes for values that cross the agent channel or are stored in a build.
 *
 * <p>Jenkins' class filter accepts the JDK's immutable collections too; these copies are used for a stable form:
 * sorted maps, so a value compares, prints and serialises the same whichever way it was built, and list and map
 * classes XStream writes as plain {@code <list>} and {@code <sorted-map>} elements in {@code build.xml}.
 */
public final class Jep200 {

    private Jep200() {
    }

    /** An unmodifiable copy of {@code items} that serialises as whitelisted JDK classes. */
    public static <T> List<T> list(Collection<? extends T> items) {
        return Collections.unmodifiableList(new ArrayList<>(items));
    }

    /** An unmodifiable, sorted copy of {@code entries} that serialises as whitelisted JDK classes. */
    public static <V> SortedMap<String, V> map(Map<String, ? extends V> entries) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(entries));
    }
}
