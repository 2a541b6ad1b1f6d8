package io.jenkins.plugins.dockerci.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The {@code .hpi} files a Jenkins needs for a set of plugins: those plugins and the mandatory dependencies their
 * manifests name ({@code Plugin-Dependencies}), transitively, as the plugin manager resolves them when an admin
 * installs one. Optional dependencies are left out, as the plugin manager leaves them out.
 */
public final class PluginSet {

    private final Map<String, Path> hpis;

    private PluginSet(Map<String, Path> hpis) {
        this.hpis = hpis;
    }

    /**
     * @param roots     the plugins to install ({@code .hpi} files)
     * @param available the folder where every dependency is found as {@code <short name>.hpi} (maven-hpi-plugin
     *                  copies the test-scope plugins into {@code target/test-classes/test-dependencies})
     * @throws IllegalStateException naming the plugin that is missing and which plugin needs it
     */
    public static PluginSet resolve(List<Path> roots, Path available) throws IOException {
        Map<String, Path> resolved = new TreeMap<>();
        Deque<Path> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            Path hpi = pending.pop();
            Manifest manifest = Manifest.of(hpi);
            if (resolved.putIfAbsent(manifest.shortName(), hpi) != null) {
                continue;
            }
            for (String dependency : manifest.mandatoryDependencies()) {
                Path file = available.resolve(dependency + ".hpi");
                if (!Files.isRegularFile(file)) {
                    throw new IllegalStateException("Plugin '" + manifest.shortName() + "' needs '" + dependency
                            + "', which is not in " + available + ": add it as a test-scope dependency of the plugin");
                }
                if (!resolved.containsKey(dependency)) {
                    pending.push(file);
                }
            }
        }
        return new PluginSet(resolved);
    }

    /** Short name to {@code .hpi} file, sorted by short name. */
    public Map<String, Path> hpis() {
        return new LinkedHashMap<>(hpis);
    }

    /** Copies every {@code .hpi} into {@code pluginsDir} as {@code <short name>.jpi}, the name Jenkins gives an uploaded plugin. */
    public void copyInto(Path pluginsDir) throws IOException {
        Files.createDirectories(pluginsDir);
        for (Map.Entry<String, Path> plugin : hpis.entrySet()) {
            Files.copy(plugin.getValue(), pluginsDir.resolve(plugin.getKey() + ".jpi"));
        }
    }

    /** The plugin-relevant entries of an {@code .hpi}'s manifest. */
    record Manifest(String shortName, List<String> mandatoryDependencies) {

        static Manifest of(Path hpi) throws IOException {
            try (JarFile jar = new JarFile(hpi.toFile())) {
                Attributes main = jar.getManifest().getMainAttributes();
                String shortName = main.getValue("Short-Name");
                if (shortName == null) {
                    throw new IllegalStateException(hpi + " is not a Jenkins plugin: its manifest has no Short-Name");
                }
                return new Manifest(shortName, mandatory(main.getValue("Plugin-Dependencies")));
            }
        }

        // "name:version" entries separated by ',', an optional one ends with ";resolution:=optional"
        private static List<String> mandatory(String dependencies) {
            List<String> names = new ArrayList<>();
            if (dependencies == null || dependencies.isBlank()) {
                return names;
            }
            Stream.of(dependencies.split(",")).map(String::trim)
                    .filter(entry -> !entry.contains("resolution:=optional"))
                    .forEach(entry -> names.add(entry.substring(0, entry.indexOf(':'))));
            return names;
        }
    }
}
