package io.jenkins.plugins.dockerci.testsupport;

import hudson.FilePath;
import io.jenkins.plugins.dockerci.config.DockerCiConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/** Where the compiled plugin classes and the stub classes are. */
public final class Classpaths {

    private Classpaths() {
    }

    /** The plugin's compiled main classes ({@code target/classes}). */
    public static Path pluginClasses() {
        return locationOf(DockerCiConfiguration.class);
    }

    /** The Jenkins API stub classes (a directory in the reactor, or the stubs jar). */
    public static Path stubClasses() {
        return locationOf(FilePath.class);
    }

    /** The class files in a classes directory or a jar, as paths like {@code hudson/FilePath.class}. */
    public static Set<String> classFiles(Path location) {
        try {
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    return files.map(p -> location.relativize(p).toString().replace('\\', '/'))
                            .filter(p -> p.endsWith(".class")).collect(Collectors.toCollection(TreeSet::new));
                }
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                return jar.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class"))
                        .collect(Collectors.toCollection(TreeSet::new));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + location, e);
        }
    }

    private static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
