package io.jenkins.plugins.dockerci.engine.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.RunContext;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The persistent record of what one run created, in creation order, so that cleanup can remove it even after the
 * process running the build died.
 *
 * <p>As a {@link ResourceTracker} it records the intent ({@link #creating}) before the engine calls Docker and the
 * id ({@link #created}) afterwards; each change is written to {@code <directory>/docker-ci-ledger-<runId>.json}
 * by writing a temporary file in the same directory, forcing it to disk and moving it over the old one atomically.
 * The file is therefore always a complete document: after a crash (even a {@code kill -9} between an intent and
 * its confirmation) {@link #read} returns everything recorded up to the last completed write.
 *
 * <p>Thread-safe: services are started from several threads. A write failure throws, so the engine does not create
 * a resource it could not record.
 */
public final class ResourceLedger implements ResourceTracker {

    private static final String PREFIX = "docker-ci-ledger-";
    private static final String SUFFIX = ".json";
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private final RunContext run;
    private final List<LedgerEntry> entries;
    private final Set<String> pushed;

    private ResourceLedger(Path file, RunContext run, List<LedgerEntry> entries, Set<String> pushed) {
        this.file = file;
        this.run = run;
        this.entries = new ArrayList<>(entries);
        this.pushed = new LinkedHashSet<>(pushed);
    }

    /**
     * The ledger of {@code run} in {@code directory}: the existing one (a resumed run) or a new, empty one that is
     * written at once, so a failure to write shows up before anything is created.
     *
     * @throws DockerCiException when the directory cannot be written or an existing ledger cannot be read
     */
    public static ResourceLedger open(Path directory, RunContext run) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(run, "run");
        Path file = fileFor(directory, run.runId());
        if (Files.exists(file)) {
            ResourceLedger existing = read(file);
            if (!existing.run.equals(run)) {
                throw new DockerCiException("The resource ledger " + file + " belongs to " + describe(existing.run)
                        + ", not to " + describe(run) + ": give each run its own ledger directory or run id.");
            }
            return existing;
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw writeFailure(file, e);
        }
        ResourceLedger ledger = new ResourceLedger(file, run, List.of(), Set.of());
        ledger.write();
        return ledger;
    }

    /**
     * Reads a ledger file, for example the one a crashed run left behind. The returned ledger keeps recording to
     * the same file.
     *
     * @throws DockerCiException naming the file when it is missing or not a ledger
     */
    public static ResourceLedger read(Path file) {
        Objects.requireNonNull(file, "file");
        Document document;
        try {
            document = JSON.readValue(Files.readAllBytes(file), Document.class);
        } catch (NoSuchFileException e) {
            throw new DockerCiException("The resource ledger " + file + " does not exist: nothing was recorded for that run."
                    + " Its resources, if any, can still be removed by label with the orphan reaper.", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new DockerCiException("The resource ledger " + file + " cannot be read (" + e.getMessage()
                    + "). Its run's resources can still be removed by label with the orphan reaper.", e);
        }
        if (document.format() != FORMAT || document.ownerId() == null || document.runId() == null) {
            throw new DockerCiException("The file " + file + " is not a resource ledger of format " + FORMAT
                    + " (it lacks the format, ownerId or runId field).");
        }
        return new ResourceLedger(file, new RunContext(document.ownerId(), document.runId()),
                document.entries() == null ? List.of() : document.entries(),
                document.pushed() == null ? Set.of() : document.pushed());
    }

    /** Where the ledger of {@code runId} lives in {@code directory}. */
    public static Path fileFor(Path directory, String runId) {
        return directory.resolve(PREFIX + runId + SUFFIX);
    }

    /** The run this ledger belongs to; its labels identify everything the run created. */
    public RunContext run() {
        return run;
    }

    /** The file the ledger is kept in. */
    public Path file() {
        return file;
    }

    /** What was recorded, in creation order. */
    public synchronized List<LedgerEntry> entries() {
        return List.copyOf(entries);
    }

    /** The references the run pushed. */
    public synchronized Set<String> pushedReferences() {
        return Set.copyOf(pushed);
    }

    @Override
    public synchronized void creating(ResourceKind kind, String name) {
        entries.add(LedgerEntry.intent(kind, name));
        write();
    }

    /** Confirms the latest intent for this kind and name; a creation without a recorded intent is appended. */
    @Override
    public synchronized void created(ResourceKind kind, String name, String id) {
        Objects.requireNonNull(id, "id");
        for (int i = entries.size() - 1; i >= 0; i--) {
            LedgerEntry entry = entries.get(i);
            if (!entry.confirmed() && entry.kind() == kind && entry.name().equals(name)) {
                entries.set(i, entry.confirm(id));
                write();
                return;
            }
        }
        entries.add(new LedgerEntry(kind, name, id));
        write();
    }

    @Override
    public synchronized void pushed(String reference) {
        Objects.requireNonNull(reference, "reference");
        if (pushed.add(reference)) {
            write();
        }
    }

    /** Same as {@link #pushed}: marks a reference as pushed so a keep-pushed policy keeps its local tag. */
    public void markPushed(String reference) {
        pushed(reference);
    }

    @Override
    public String toString() {
        return "ResourceLedger[" + describe(run) + ", " + file + "]";
    }

    private void write() {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(new Document(FORMAT, run.ownerId(), run.runId(), entries, pushed));
        } catch (JsonProcessingException e) {
            throw writeFailure(file, e);
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            // a stream, not a FileChannel: a channel is closed by the caller's interrupt flag, and an interrupt
            // that lands just after a resource was created must not lose the record of that resource
            try (FileOutputStream out = new FileOutputStream(temp.toFile())) {
                out.write(bytes);
                // without this a machine crash could leave the renamed file empty on some file systems
                out.getFD().sync();
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new DockerCiException("The ledger directory " + file.getParent()
                    + " does not support atomic renames; choose a directory on a local file system.", e);
        } catch (IOException e) {
            throw writeFailure(file, e);
        }
    }

    private static DockerCiException writeFailure(Path file, Exception e) {
        return new DockerCiException("Cannot write the resource ledger " + file + " (" + e + "). Nothing more is created"
                + " without a record; check that the directory exists, is writable and has free space.", e);
    }

    private static String describe(RunContext run) {
        return "run '" + run.runId() + "' of owner '" + run.ownerId() + "'";
    }

    /** The file format: an object, so fields can be added without breaking older readers. */
    record Document(int format, String ownerId, String runId, List<LedgerEntry> entries, Set<String> pushed) {
    }
}
