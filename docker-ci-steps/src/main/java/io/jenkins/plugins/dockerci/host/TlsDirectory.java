package io.jenkins.plugins.dockerci.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private temporary directory holding {@code ca.pem}, {@code cert.pem} and {@code key.pem} for as long as the work
 * on the agent talks to a TLS Docker host; closing it deletes the files. On POSIX systems only the agent's user can
 * read them.
 */
final class TlsDirectory implements AutoCloseable {

    private final Path directory;

    private TlsDirectory(Path directory) {
        this.directory = directory;
    }

    /** Writes {@code tls} into a new private directory under the system's temporary directory. */
    static TlsDirectory write(TlsMaterial tls) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path directory = posix
                ? Files.createTempDirectory("docker-ci-tls", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                : Files.createTempDirectory("docker-ci-tls");
        TlsDirectory written = new TlsDirectory(directory);
        try {
            written.file("ca.pem", tls.caCertificate(), posix);
            written.file("cert.pem", tls.clientCertificate(), posix);
            written.file("key.pem", tls.clientKey(), posix);
            return written;
        } catch (IOException | RuntimeException e) {
            written.close();
            throw e;
        }
    }

    /** The directory, for {@link DockerHostSpec#endpoint}. */
    Path path() {
        return directory;
    }

    private void file(String name, String pem, boolean posix) throws IOException {
        Path file = directory.resolve(name);
        if (posix) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, pem, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
