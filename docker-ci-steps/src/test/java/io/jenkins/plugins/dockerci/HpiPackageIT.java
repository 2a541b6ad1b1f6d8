package io.jenkins.plugins.dockerci;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import io.jenkins.plugins.dockerci.testsupport.ClassFile;
import io.jenkins.plugins.dockerci.testsupport.Classpaths;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens the built {@code target/docker-ci-steps.hpi} and checks it is what Jenkins 2.541.3 loads: the plugin manifest,
 * the plugin jar (with the same manifest, for JEP-200) and its runtime libraries in {@code WEB-INF/lib}, the SezPoz
 * extension index and the {@code @Symbol} index, views and help next to their classes, and no stub class anywhere.
 */
class HpiPackageIT {

    private static final Path TARGET = Path.of("target");
    private static final Path CLASSES = TARGET.resolve("classes");
    private static final String PLUGIN_JAR = "WEB-INF/lib/docker-ci-steps.jar";

    /** Package prefixes of the Jenkins plugins the plugin may use, by their short names. */
    private static final Map<String, String> PLUGIN_PACKAGES = Map.of(
            "com.cloudbees.plugins.credentials.", "credentials",
            "org.jenkinsci.plugins.docker.commons.", "docker-commons",
            "org.jenkinsci.plugins.workflow.steps.", "workflow-step-api",
            "org.jenkinsci.plugins.structs.", "structs",
            "org.jenkinsci.plugins.plaincredentials.", "plain-credentials");

    private static JarFile hpi;
    private static Path pluginJar;

    @BeforeAll
    static void open() throws IOException {
        Path file = TARGET.resolve("docker-ci-steps.hpi");
        assertThat(file).as("run `mvn verify`: the package phase builds it").exists();
        hpi = new JarFile(file.toFile());
        pluginJar = Files.createTempFile("docker-ci-steps", ".jar");
        try (InputStream in = hpi.getInputStream(entry(PLUGIN_JAR))) {
            Files.copy(in, pluginJar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @AfterAll
    static void close() throws IOException {
        hpi.close();
        Files.deleteIfExists(pluginJar);
    }

    @Test
    void theManifestTellsJenkinsWhatThePluginIs() throws IOException {
        Attributes main = hpi.getManifest().getMainAttributes();

        assertThat(main.getValue("Short-Name")).isEqualTo("docker-ci-steps");
        assertThat(main.getValue("Artifact-Id")).isEqualTo("docker-ci-steps");
        assertThat(main.getValue("Group-Id")).isEqualTo("io.jenkins.plugins");
        assertThat(main.getValue("Long-Name")).isEqualTo("Docker CI Steps");
        assertThat(main.getValue("Plugin-Version")).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(main.getValue("Jenkins-Version")).isEqualTo("2.541.3");
        assertThat(main.getValue("Hudson-Version")).isEqualTo("2.541.3");
        assertThat(main.getValue("Minimum-Java-Version")).isEqualTo("17");
        assertThat(main.getValue("Url")).startsWith("https://");
        assertThat(main.getValue("Plugin-Developers")).matches("[^:,]+:[^:,]*:[^:,]*");
        assertThat(main.getValue("Plugin-Class")).as("no hudson.Plugin subclass").isNull();
        assertThat(main.getValue("Support-Dynamic-Loading")).as("omitted while any @Extension is MAYBE").isNull();
    }

    @Test
    void pluginDependenciesAreExactlyThePluginsWhoseClassesThePluginUses() throws IOException {
        String header = hpi.getManifest().getMainAttributes().getValue("Plugin-Dependencies");
        Map<String, String> declared = new TreeMap<>();
        for (String entry : header.split(",")) {
            String[] nameAndVersion = entry.split(";")[0].split(":", 2);
            assertThat(nameAndVersion).as("'%s' is shortName:version", entry).hasSize(2);
            assertThat(nameAndVersion[1]).as(entry).matches("[0-9][0-9A-Za-z._-]*");
            declared.put(nameAndVersion[0], nameAndVersion[1]);
        }

        Set<String> used = new TreeSet<>();
        for (ClassFile c : ClassFile.readAll(CLASSES)) {
            for (String type : c.mentionedTypes()) {
                PLUGIN_PACKAGES.forEach((prefix, plugin) -> {
                    if (type.startsWith(prefix)) {
                        used.add(plugin);
                    }
                });
            }
        }
        assertThat(declared.keySet()).isEqualTo(used);
        assertThat(declared).containsEntry("credentials", "1511.v2e3cb_0008ef0")
                .containsEntry("docker-commons", "477.v289085a_b_6896");
    }

    @Test
    void thePluginJarCarriesThePluginManifestForJep200() throws IOException {
        try (JarFile jar = new JarFile(pluginJar.toFile())) {
            Attributes inner = jar.getManifest().getMainAttributes();
            Attributes outer = hpi.getManifest().getMainAttributes();
            assertThat(inner.getValue("Short-Name")).isEqualTo(outer.getValue("Short-Name"));
            assertThat(inner.getValue("Plugin-Version")).isEqualTo(outer.getValue("Plugin-Version"));
            assertThat(inner.getValue("Jenkins-Version")).isEqualTo(outer.getValue("Jenkins-Version"));
        }
    }

    @Test
    void theExtensionIndexListsEveryExtensionAndIsReadableBySezPoz() throws Exception {
        Set<String> indexed = new TreeSet<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {pluginJar.toUri().toURL()}, getClass().getClassLoader())) {
            for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class, loader)) {
                indexed.add(item.className());
            }
        }

        assertThat(indexed).isEqualTo(annotatedTypes(Extension.class)).contains(
                "io.jenkins.plugins.dockerci.config.DockerCiConfiguration",
                "io.jenkins.plugins.dockerci.config.RegistryEndpoint$DescriptorImpl");
    }

    @Test
    void theSymbolIndexListsEveryClassWithASymbol() throws IOException {
        try (JarFile jar = new JarFile(pluginJar.toFile())) {
            ZipEntry index = jar.getEntry("META-INF/services/annotations/org.jenkinsci.Symbol");
            assertThat(index).as("the annotation-indexer index structs reads").isNotNull();
            Set<String> listed = new String(jar.getInputStream(index).readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
            assertThat(listed).isEqualTo(annotatedTypes(Symbol.class));
        }
    }

    @Test
    void everyViewHelpFileAndResourceIsInThePluginJar() throws IOException {
        Set<String> expected;
        try (Stream<Path> files = Files.walk(CLASSES)) {
            expected = files.filter(Files::isRegularFile).map(p -> CLASSES.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> inJar = entries(pluginJar);

        assertThat(inJar).containsAll(expected);
        assertThat(expected).contains("index.jelly",
                "io/jenkins/plugins/dockerci/config/DockerCiConfiguration/config.jelly",
                "io/jenkins/plugins/dockerci/config/RegistryEndpoint/help-url.html");
    }

    @Test
    void bundlesTheEngineAndItsLibrariesButNothingJenkinsProvides() {
        List<String> libs = hpi.stream().map(ZipEntry::getName).filter(n -> n.startsWith("WEB-INF/lib/") && n.endsWith(".jar"))
                .map(n -> n.substring("WEB-INF/lib/".length())).sorted().toList();

        assertThat(libs).contains("docker-ci-steps.jar").anyMatch(n -> n.startsWith("docker-ci-engine-"))
                .anyMatch(n -> n.startsWith("docker-java-core-"));
        assertThat(libs).noneMatch(n -> n.matches("(jenkins-api-stubs|sezpoz|spring-|jakarta\\.servlet|json-lib"
                + "|junit|assertj|opentest4j|apiguardian).*"));
        assertThat(hpi.stream().map(ZipEntry::getName)).noneMatch(n -> n.startsWith("WEB-INF/classes/"));
    }

    @Test
    void noStubClassIsInsideAnyJarOfThePlugin() throws IOException {
        Set<String> stubClasses = Classpaths.classFiles(Classpaths.stubClasses());
        assertThat(stubClasses).as("the stubs must be found for this check to mean anything").isNotEmpty();

        List<String> leaked = new ArrayList<>();
        for (ZipEntry lib : hpi.stream().filter(e -> e.getName().endsWith(".jar")).toList()) {
            try (JarInputStream jar = new JarInputStream(hpi.getInputStream(lib))) {
                for (ZipEntry e = jar.getNextEntry(); e != null; e = jar.getNextEntry()) {
                    if (stubClasses.contains(e.getName())) {
                        leaked.add(lib.getName() + "!" + e.getName());
                    }
                }
            }
        }
        assertThat(leaked).isEmpty();
    }

    private static Set<String> annotatedTypes(Class<? extends java.lang.annotation.Annotation> annotation) {
        Set<String> found = new TreeSet<>();
        for (ClassFile c : ClassFile.readAll(CLASSES)) {
            try {
                Class<?> type = Class.forName(c.name(), false, HpiPackageIT.class.getClassLoader());
                if (type.isAnnotationPresent(annotation)) {
                    found.add(type.getName());
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    private static Set<String> entries(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(ZipEntry::getName).collect(Collectors.toCollection(HashSet::new));
        }
    }

    private static ZipEntry entry(String name) {
        ZipEntry e = hpi.getEntry(name);
        assertThat(e).as(name).isNotNull();
        return e;
    }
}
