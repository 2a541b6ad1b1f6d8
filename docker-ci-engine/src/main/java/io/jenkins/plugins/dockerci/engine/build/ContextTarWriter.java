package io.jenkins.plugins.dockerci.engine.build;

import io.jenkins.plugins.dockerci.engine.LogSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a build context as a tar stream, entry by entry, with what the docker CLI puts in it.
 *
 * <p>The walk is depth-first in name order; {@code .dockerignore} decides what is left out (see
 * {@link IgnoreMatcher}). Symbolic links are archived as links and never followed, hard links within the context
 * as links to the first path, file modes (including setuid, setgid, sticky) and modification times (whole seconds)
 * are kept, and owners are normalised to uid/gid 0 without names. Named pipes and device nodes are archived as
 * such; sockets cannot be and are skipped with a warning. A Dockerfile from outside the context is added under its
 * generated name, and {@code .dockerignore} then lists that name so the engine does not hand it to {@code COPY}, as
 * the CLI does.
 */
final class ContextTarWriter {

    private static final int TYPE_MASK = 0170000;
    private static final int TYPE_DIR = 0040000;
    private static final int TYPE_FILE = 0100000;
    private static final int TYPE_LINK = 0120000;
    private static final int TYPE_FIFO = 0010000;
    private static final int TYPE_CHAR_DEVICE = 0020000;
    private static final int TYPE_BLOCK_DEVICE = 0060000;
    private static final int PERMISSIONS = 07777;
    private static final int GENERATED_FILE_MODE = 0600;

    private final BuildContext context;
    private final LogSink log;
    private final Map<Object, String> hardLinks = new HashMap<>();
    private boolean ignoreFileWritten;
    private long entries;

    ContextTarWriter(BuildContext context, LogSink log) {
        this.context = context;
        this.log = log;
    }

    /** Writes every entry and the end-of-archive marker; does not close {@code tar}. */
    void write(TarArchiveOutputStream tar) throws IOException {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        walk(tar, context.root(), "", IgnoreMatcher.MatchInfo.NONE);
        if (context.generatedDockerfileName() != null) {
            writeGeneratedFiles(tar);
        }
        tar.finish();
    }

    /** How many entries were written. */
    long entries() {
        return entries;
    }

    private void walk(TarArchiveOutputStream tar, Path dir, String relDir, IgnoreMatcher.MatchInfo parentInfo) throws IOException {
        for (Path child : sortedChildren(dir)) {
            String rel = relDir.isEmpty() ? child.getFileName().toString() : relDir + "/" + child.getFileName();
            Map<String, Object> attrs = Files.readAttributes(child, "unix:mode,size,lastModifiedTime,ino,dev,nlink",
                    LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) attrs.get("mode");
            boolean isDir = (mode & TYPE_MASK) == TYPE_DIR;
            IgnoreMatcher.Result result = context.matcher().match(rel, parentInfo);
            if (result.excluded()) {
                // an excluded directory is still walked when an exception could re-include something below it
                if (isDir && context.matcher().mayReincludeBelow(rel)) {
                    walk(tar, child, rel, result.info());
                }
                continue;
            }
            writeEntry(tar, child, rel, mode, attrs);
            if (isDir) {
                walk(tar, child, rel, result.info());
            }
        }
    }

    private void writeEntry(TarArchiveOutputStream tar, Path file, String rel, int mode, Map<String, Object> attrs)
            throws IOException {
        FileTime mtime = (FileTime) attrs.get("lastModifiedTime");
        switch (mode & TYPE_MASK) {
            case TYPE_DIR -> put(tar, header(rel + "/", TarConstants.LF_DIR, TYPE_DIR | (mode & PERMISSIONS), mtime), null);
            case TYPE_LINK -> {
                TarArchiveEntry entry = header(rel, TarConstants.LF_SYMLINK, TYPE_LINK | (mode & PERMISSIONS), mtime);
                entry.setLinkName(Files.readSymbolicLink(file).toString());
                put(tar, entry, null);
            }
            case TYPE_FILE -> writeFile(tar, file, rel, mode, attrs, mtime);
            case TYPE_FIFO -> put(tar, header(rel, TarConstants.LF_FIFO, TYPE_FIFO | (mode & PERMISSIONS), mtime), null);
            case TYPE_CHAR_DEVICE, TYPE_BLOCK_DEVICE -> writeDevice(tar, file, rel, mode, mtime);
            default -> log.warn("Build context: skipped " + rel + " (a socket cannot be archived; the docker CLI skips it too)");
        }
    }

    private void writeDevice(TarArchiveOutputStream tar, Path file, String rel, int mode, FileTime mtime) throws IOException {
        long rdev = (Long) Files.getAttribute(file, "unix:rdev", LinkOption.NOFOLLOW_LINKS);
        byte type = (mode & TYPE_MASK) == TYPE_CHAR_DEVICE ? TarConstants.LF_CHR : TarConstants.LF_BLK;
        TarArchiveEntry entry = header(rel, type, (mode & TYPE_MASK) | (mode & PERMISSIONS), mtime);
        // Linux's encoding of device numbers (glibc major()/minor())
        entry.setDevMajor((int) (((rdev >> 8) & 0xfff) | ((rdev >> 32) & ~0xfffL)));
        entry.setDevMinor((int) ((rdev & 0xff) | ((rdev >> 12) & ~0xffL)));
        put(tar, entry, null);
    }

    private void writeFile(TarArchiveOutputStream tar, Path file, String rel, int mode, Map<String, Object> attrs,
            FileTime mtime) throws IOException {
        int links = (Integer) attrs.get("nlink");
        if (links > 1) {
            Object key = List.of(attrs.get("dev"), attrs.get("ino"));
            String first = hardLinks.putIfAbsent(key, rel);
            if (first != null) {
                TarArchiveEntry entry = header(rel, TarConstants.LF_LINK, TYPE_FILE | (mode & PERMISSIONS), mtime);
                entry.setLinkName(first);
                put(tar, entry, null);
                return;
            }
        }
        if (hidesGeneratedDockerfile() && rel.equals(IgnoreFile.NAME)) {
            byte[] original = Files.readAllBytes(file);
            String listed = new String(original, StandardCharsets.UTF_8) + "\n" + context.generatedDockerfileName() + "\n";
            putBytes(tar, header(rel, TarConstants.LF_NORMAL, TYPE_FILE | (mode & PERMISSIONS), mtime), listed);
            ignoreFileWritten = true;
            return;
        }
        TarArchiveEntry entry = header(rel, TarConstants.LF_NORMAL, TYPE_FILE | (mode & PERMISSIONS), mtime);
        entry.setSize((Long) attrs.get("size"));
        try (InputStream in = Files.newInputStream(file)) {
            put(tar, entry, in);
        }
    }

    /**
     * Whether a Dockerfile from outside the context is hidden from COPY by listing it in {@code .dockerignore}, as
     * the docker CLI does for the classic builder (which filters by the listed names); BuildKit would show the
     * rewritten file instead.
     */
    private boolean hidesGeneratedDockerfile() {
        return context.generatedDockerfileName() != null && context.engineHidesBuildFiles();
    }

    private void writeGeneratedFiles(TarArchiveOutputStream tar) throws IOException {
        FileTime now = FileTime.from(Instant.now());
        if (hidesGeneratedDockerfile() && !ignoreFileWritten) {
            putBytes(tar, header(IgnoreFile.NAME, TarConstants.LF_NORMAL, TYPE_FILE | GENERATED_FILE_MODE, now),
                    IgnoreFile.NAME + "\n" + context.generatedDockerfileName() + "\n");
        }
        TarArchiveEntry entry = header(context.generatedDockerfileName(), TarConstants.LF_NORMAL, TYPE_FILE | GENERATED_FILE_MODE, now);
        entry.setSize(Files.size(context.dockerfile()));
        try (InputStream in = Files.newInputStream(context.dockerfile())) {
            put(tar, entry, in);
        }
    }

    private void putBytes(TarArchiveOutputStream tar, TarArchiveEntry entry, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
        entries++;
    }

    private void put(TarArchiveOutputStream tar, TarArchiveEntry entry, InputStream content) throws IOException {
        tar.putArchiveEntry(entry);
        if (content != null) {
            content.transferTo(tar);
        }
        tar.closeArchiveEntry();
        entries++;
    }

    private static TarArchiveEntry header(String name, byte type, int mode, FileTime mtime) {
        TarArchiveEntry entry = new TarArchiveEntry(name, type);
        entry.setMode(mode);
        entry.setModTime(FileTime.from(mtime.to(TimeUnit.SECONDS), TimeUnit.SECONDS));
        entry.setIds(0, 0);
        entry.setUserName("");
        entry.setGroupName("");
        return entry;
    }

    private static List<Path> sortedChildren(Path dir) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(children::add);
        }
        // Go sorts names by their UTF-8 bytes, which is code point order
        children.sort((a, b) -> compareCodePoints(a.getFileName().toString(), b.getFileName().toString()));
        return children;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
