package io.jenkins.plugins.dockerci.agent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Read-only collections whose serialised classes Jenkins' class filter accepts.
 *
 * <p>{@code List.of}, {@code Map.of} and {@code Stream.toList()} serialise as {@code java.util.CollSer}, which is not on
 * Jenkins' list of allowed JDK classes; {@link ArrayList}, {@link TreeMap} and the {@code Collections.unmodifiable*}
 * wrappers are. Use these for every collection in a value that crosses the agent channel or is stored in a build.
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
