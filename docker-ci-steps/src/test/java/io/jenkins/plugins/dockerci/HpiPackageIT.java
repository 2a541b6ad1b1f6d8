package io.jenkins.plugins.dockerci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The {@code .hpi} that maven-hpi-plugin built: the plugin's own jars only (every library comes from Jenkins core or a
 * library plugin), and a manifest that Jenkins 2.541.1 and newer accept, naming the plugins the classes use.
 */
class HpiPackageIT {

    private static final File HPI = new File("target/docker-ci-steps.hpi");

    @Test
    void webInfLibHoldsOnlyThePluginsOwnJars() throws Exception {
        try (JarFile hpi = new JarFile(HPI)) {
            List<String> libraries = Collections.list(hpi.entries()).stream().map(ZipEntry::getName)
                    .filter(name -> name.startsWith("WEB-INF/lib/") && name.endsWith(".jar")).toList();

            assertThat(libraries).hasSize(2).anyMatch(name -> name.equals("WEB-INF/lib/docker-ci-steps.jar"))
                    .anyMatch(name -> name.startsWith("WEB-INF/lib/docker-ci-engine-"));
        }
    }

    @Test
    void theManifestAsksForTheLineAndNamesThePluginsItUses() throws Exception {
        try (JarFile hpi = new JarFile(HPI)) {
            Attributes manifest = hpi.getManifest().getMainAttributes();

            assertThat(manifest.getValue("Short-Name")).isEqualTo("docker-ci-steps");
            assertThat(manifest.getValue("Jenkins-Version")).isEqualTo("2.541.1");
            assertThat(manifest.getValue("Java-Version")).isEqualTo("17");
            assertThat(manifest.getValue("Url")).isEqualTo("https://github.com/jenkinsci/docker-ci-steps-plugin");
            assertThat(List.of(manifest.getValue("Plugin-Dependencies").split(","))).extracting(d -> d.substring(0, d.indexOf(':')))
                    .containsExactlyInAnyOrder("structs", "credentials", "plain-credentials", "docker-commons", "workflow-step-api", "workflow-api",
                            "docker-java-api", "jackson2-api", "apache-httpcomponents-client-5-api", "commons-compress-api",
                            "commons-lang3-api");
        }
    }
}
