package io.jenkins.plugins.dockerci.engine.testrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportArchiveTest {

    @TempDir
    Path tmp;

    @Test
    void unpacksNestedFilesAndInsideLinks() throws IOException {
        Path target = tmp.resolve("reports");
        List<String> rejected = new ReportArchive(target).extract(tar(out -> {
            dir(out, "r/");
            dir(out, "r/nested/");
            file(out, "r/nested/a.xml", "<a/>");
            symlink(out, "r/latest.xml", "nested/a.xml");
        }));
        assertThat(rejected).isEmpty();
        assertThat(target.resolve("r/nested/a.xml")).hasContent("<a/>");
        assertThat(Files.readSymbolicLink(target.resolve("r/latest.xml"))).isEqualTo(Path.of("nested/a.xml"));
    }

    @Test
    void rejectsEntriesThatLeaveTheTargetAndKeepsTheRest() throws IOException {
        Path target = tmp.resolve("reports");
        List<String> rejected = new ReportArchive(target).extract(tar(out -> {
            file(out, "../escaped.txt", "x");
            file(out, "/etc/abs.txt", "x");
            file(out, "r/../../escaped2.txt", "x");
            symlink(out, "r/passwd", "/etc/passwd");
            symlink(out, "r/up", "../../..");
            file(out, "r/ok.txt", "fine");
        }));
        assertThat(rejected).hasSize(5);
        assertThat(rejected).anySatisfy(r -> assertThat(r).contains("'/etc/abs.txt'"));
        assertThat(rejected).anySatisfy(r -> assertThat(r).contains("absolute path '/etc/passwd'"));
        assertThat(tmp.resolve("escaped.txt")).doesNotExist();
        assertThat(tmp.resolve("escaped2.txt")).doesNotExist();
        assertThat(target.resolve("r/passwd")).doesNotExist();
        assertThat(target.resolve("r/ok.txt")).hasContent("fine");
    }

    @Test
    void refusesToWriteThroughALinkThatPointsOutside() throws IOException {
        Path target = tmp.resolve("reports");
        Files.createDirectories(target);
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createSymbolicLink(target.resolve("sneaky"), outside);
        List<String> rejected = new ReportArchive(target).extract(tar(out -> file(out, "sneaky/evil.txt", "x")));
        assertThat(rejected).singleElement().asString().contains("through a link");
        assertThat(outside.resolve("evil.txt")).doesNotExist();
    }

    @Test
    void hardLinksMustPointToAFileOfTheReport() throws IOException {
        Path target = tmp.resolve("reports");
        List<String> rejected = new ReportArchive(target).extract(tar(out -> {
            file(out, "r/a.txt", "a");
            hardlink(out, "r/b.txt", "r/a.txt");
            hardlink(out, "r/c.txt", "../../etc/passwd");
        }));
        assertThat(rejected).singleElement().asString().contains("r/c.txt");
        assertThat(target.resolve("r/b.txt")).hasContent("a");
    }

    private interface Writer {
        void write(TarArchiveOutputStream out) throws IOException;
    }

    private static ByteArrayInputStream tar(Writer writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            writer.write(out);
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    private static void dir(TarArchiveOutputStream out, String name) throws IOException {
        out.putArchiveEntry(new TarArchiveEntry(name));
        out.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream out, String name, String content) throws IOException {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name, true);
        e.setSize(data.length);
        out.putArchiveEntry(e);
        out.write(data);
        out.closeArchiveEntry();
    }

    private static void symlink(TarArchiveOutputStream out, String name, String target) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
        e.setLinkName(target);
        out.putArchiveEntry(e);
        out.closeArchiveEntry();
    }

    private static void hardlink(TarArchiveOutputStream out, String name, String target) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
        e.setLinkName(target);
        out.putArchiveEntry(e);
        out.closeArchiveEntry();
    }
}
