package io.jenkins.plugins.dockerci.engine.testrun;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks a tar stream from the engine into a directory, entry by entry, refusing every entry that would land or
 * point outside it: absolute names, {@code ..}, links whose target leaves the directory, writes through links.
 * Refused entries are skipped and reported; the rest is unpacked.
 */
final class ReportArchive {

    private final Path root;
    private final Path realRoot;
    private final List<String> rejected = new ArrayList<>();

    ReportArchive(Path root) throws IOException {
        Files.createDirectories(root);
        this.root = root.toAbsolutePath().normalize();
        this.realRoot = root.toRealPath();
    }

    /** Unpacks {@code tar}; returns the rejected entries with the reason. */
    List<String> extract(InputStream tar) throws IOException {
        try (TarArchiveInputStream in = new TarArchiveInputStream(tar)) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String why = unpack(entry, in);
                if (why != null) {
                    rejected.add("'" + entry.getName() + "': " + why);
                }
            }
        }
        return List.copyOf(rejected);
    }

    private String unpack(TarArchiveEntry entry, InputStream in) throws IOException {
        Path dest = inside(entry.getName());
        if (dest == null) {
            return "its name leaves the report directory";
        }
        if (dest.equals(root)) {
            return null;
        }
        Files.createDirectories(dest.getParent());
        Path realParent = dest.getParent().toRealPath();
        if (!realParent.startsWith(realRoot)) {
            return "it would be written through a link that leaves the report directory";
        }
        Path target = realParent.resolve(dest.getFileName());
        if (entry.isDirectory()) {
            if (Files.isSymbolicLink(target)) {
                return "a link of the same name is already there";
            }
            Files.createDirectories(target);
        } else if (entry.isSymbolicLink()) {
            return link(entry.getLinkName(), realParent, target);
        } else if (entry.isLink()) {
            Path linked = inside(entry.getLinkName());
            if (linked == null || !Files.isRegularFile(linked, LinkOption.NOFOLLOW_LINKS) || !linked.toRealPath().startsWith(realRoot)) {
                return "it is a hard link to '" + entry.getLinkName() + "', which is not a file of the report";
            }
            Files.deleteIfExists(target);
            Files.createLink(target, linked.toRealPath());
        } else if (entry.isFile()) {
            Files.deleteIfExists(target);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } else {
            return "it is neither a file, a directory nor a link";
        }
        return null;
    }

    private String link(String linkName, Path realParent, Path target) throws IOException {
        Path link = Path.of(linkName);
        if (link.isAbsolute()) {
            return "it is a link to the absolute path '" + linkName + "'";
        }
        Path resolved = realParent.resolve(link).normalize();
        Path real = Files.exists(resolved) ? resolved.toRealPath() : resolved;
        if (!real.startsWith(realRoot)) {
            return "it is a link to '" + linkName + "', which leaves the report directory";
        }
        Files.deleteIfExists(target);
        Files.createSymbolicLink(target, link);
        return null;
    }

    /** The destination of an archive name, or {@code null} if it is absolute or leaves the root. */
    private Path inside(String name) {
        if (name.startsWith("/") || name.contains("\\")) {
            return null;
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                return null;
            }
        }
        Path dest = root.resolve(name).normalize();
        return dest.startsWith(root) ? dest : null;
    }
}
