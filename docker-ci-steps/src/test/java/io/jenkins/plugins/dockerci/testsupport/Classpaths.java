package io.jenkins.plugins.dockerci.testsupport;

import hudson.FilePath;
import io.jenkins.plugins.dockerci.config.DockerCiConfiguration;
import java.net.URISyntaxException;
import java.nio.file.Path;

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

    private static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
