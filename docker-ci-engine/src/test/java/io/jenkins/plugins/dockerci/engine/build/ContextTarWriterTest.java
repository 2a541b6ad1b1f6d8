package io.jenkins.plugins.dockerci.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerci.engine.LogSink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What goes into the context tar, without an engine (the conformance IT checks the same against the docker CLI). */
class ContextTarWriterTest {

    @TempDir
    Path root;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "'*.txt'; .dockerignore Dockerfile a.md dir/ dir/sub/ dir/sub/y.txt dir/x.txt",
            "'dir'; .dockerignore Dockerfile a.md a.txt",
            "'dir\n!dir/sub/y.txt'; .dockerignore Dockerfile a.md a.txt dir/sub/y.txt",
            "'**/*.txt\n!a.txt'; .dockerignore Dockerfile a.md a.txt dir/ dir/sub/",
            "'*\n!dir'; .dockerignore Dockerfile dir/ dir/sub/ dir/sub/y.txt dir/x.txt",
            "'dir/**'; .dockerignore Dockerfile a.md a.txt dir/",
            "'Dockerfile\n.dockerignore\n*.md'; .dockerignore Dockerfile a.txt dir/ dir/sub/ dir/sub/y.txt dir/x.txt",
            "'dir\n!**/y.txt'; .dockerignore Dockerfile a.md a.txt",
    })
    void leavesOutWhatDockerignoreExcludesInNameOrder(String patterns, String expected) throws IOException {
        ContextTrees.create(root, List.of("Dockerfile", "a.txt", "a.md", "dir/x.txt", "dir/sub/y.txt"));
        Files.writeString(root.resolve(".dockerignore"), patterns);

        assertThat(entries(tar(BuildRequest.builder(root).build())).keySet()).containsExactly(expected.split(" "));
    }

    @Test
    void keepsModesAndWholeSecondTimesLinksAndNormalisesOwners() throws IOException {
        ContextTrees.create(root, List.of("Dockerfile", "run.sh"));
        Path script = root.resolve("run.sh");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
        Files.setLastModifiedTime(script, FileTime.from(Instant.parse("2020-01-02T03:04:05.678Z")));
        Files.createSymbolicLink(root.resolve("escape"), Path.of("/etc/passwd"));
        Files.createLink(root.resolve("run-hardlink.sh"), script);

        Map<String, TarArchiveEntry> entries = entries(tar(BuildRequest.builder(root).build()));

        TarArchiveEntry run = entries.get("run-hardlink.sh");
        assertThat(run.getMode() & 07777).isEqualTo(0750);
        assertThat(run.getModTime().toInstant()).isEqualTo(Instant.parse("2020-01-02T03:04:05Z"));
        assertThat(run.getLongUserId()).isZero();
        assertThat(run.getLongGroupId()).isZero();
        assertThat(run.getUserName()).isEmpty();
        assertThat(run.isFile()).isTrue();
        assertThat(entries.get("run.sh").isLink()).isTrue();
        assertThat(entries.get("run.sh").getLinkName()).isEqualTo("run-hardlink.sh");
        assertThat(entries.get("escape").isSymbolicLink()).isTrue();
        assertThat(entries.get("escape").getLinkName()).isEqualTo("/etc/passwd");
    }

    @Test
    void namedPipesAndDevicesAreArchivedAsSuchWithoutBeingRead() throws Exception {
        ContextTrees.create(root, List.of("Dockerfile"));
        Process mkfifo = new ProcessBuilder("mkfifo", root.resolve("pipe").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        Process mknod = new ProcessBuilder("mknod", root.resolve("null-device").toString(), "c", "1", "3").start();
        boolean devicesAllowed = mknod.waitFor() == 0;

        Map<String, TarArchiveEntry> entries = entries(tar(BuildRequest.builder(root).build()));

        assertThat(entries.get("pipe").isFIFO()).isTrue();
        if (devicesAllowed) {
            TarArchiveEntry device = entries.get("null-device");
            assertThat(device.isCharacterDevice()).isTrue();
            assertThat(device.getDevMajor()).isEqualTo(1);
            assertThat(device.getDevMinor()).isEqualTo(3);
        }
    }

    @Test
    void dockerfileOutsideTheContextIsAddedUnderItsGeneratedNameAndListedInDockerignore(@TempDir Path elsewhere)
            throws IOException {
        ContextTrees.create(root, List.of("app.txt"));
        Files.writeString(root.resolve(".dockerignore"), "*.md");
        Path dockerfile = Files.writeString(elsewhere.resolve("Dockerfile.ci"), "FROM scratch\n");
        BuildContext context = BuildContext.resolve(BuildRequest.builder(root).dockerfile(dockerfile).build());

        byte[] tar = tar(context);

        String generated = context.generatedDockerfileName();
        assertThat(generated).matches("\\.dockerfile\\.[0-9a-f]{20}");
        assertThat(entries(tar).keySet()).containsExactly(".dockerignore", "app.txt", generated);
        assertThat(contents(tar)).containsEntry(".dockerignore", "*.md\n" + generated + "\n")
                .containsEntry(generated, "FROM scratch\n");
    }

    @Test
    void withoutDockerignoreTheGeneratedOneHidesTheOutsideDockerfile(@TempDir Path elsewhere) throws IOException {
        ContextTrees.create(root, List.of("app.txt"));
        Path dockerfile = Files.writeString(elsewhere.resolve("Dockerfile"), "FROM scratch\n");
        BuildContext context = BuildContext.resolve(BuildRequest.builder(root).dockerfile(dockerfile).build());

        assertThat(contents(tar(context))).containsEntry(".dockerignore",
                ".dockerignore\n" + context.generatedDockerfileName() + "\n");
    }

    private byte[] tar(BuildRequest request) throws IOException {
        return tar(BuildContext.resolve(request));
    }

    private static byte[] tar(BuildContext context) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ContextTarWriter(context, LogSink.NONE).write(new TarArchiveOutputStream(bytes));
        return bytes.toByteArray();
    }

    private static Map<String, TarArchiveEntry> entries(byte[] tar) throws IOException {
        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), entry);
            }
        }
        return entries;
    }

    private static Map<String, String> contents(byte[] tar) throws IOException {
        Map<String, String> contents = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                contents.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return contents;
    }

}
