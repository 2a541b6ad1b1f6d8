package io.jenkins.plugins.dockerci.identity;

import io.jenkins.plugins.dockerci.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The owner id of one Jenkins instance, kept in a file so it survives restarts.
 *
 * <p>Everything the plugin creates carries this id; the orphan reaper only ever removes resources with its own owner
 * id, so two Jenkins instances sharing a Docker engine never remove each other's work. The first call creates the id
 * ({@code jenkins-} and 20 random hex digits); concurrent first calls, even from two processes, agree on one id because
 * the file is published with an atomic, non-replacing hard link.
 */
public final class OwnerIdStore {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    private final Path file;
    private final SecureRandom random = new SecureRandom();

    public OwnerIdStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    /** The stored id, created on first use. */
    public String ownerId() throws IOException {
        if (Files.exists(file)) {
            return read();
        }
        Path directory = Objects.requireNonNull(file.getParent(), "an absolute file has a parent");
        Files.createDirectories(directory);
        Path candidate = Files.createTempFile(directory, String.valueOf(file.getFileName()), ".tmp");
        try {
            Files.writeString(candidate, newId() + "\n", StandardCharsets.UTF_8);
            Files.createLink(file, candidate);
        } catch (FileAlreadyExistsException lostTheRace) {
            // another thread or process published its id first: use that one
        } finally {
            Files.deleteIfExists(candidate);
        }
        return read();
    }

    private String read() throws IOException {
        String id = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (!VALID.matcher(id).matches()) {
            throw new IOException(Messages.OwnerIdStore_invalid(file, id));
        }
        return id;
    }

    private String newId() {
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        return "jenkins-" + HexFormat.of().formatHex(bytes);
    }
}
