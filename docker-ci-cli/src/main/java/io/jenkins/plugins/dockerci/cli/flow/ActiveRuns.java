package io.jenkins.plugins.dockerci.cli.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Marks the runs of this user that are still going: a file per run holding its process id, removed when the run
 * ends. A run whose mark is gone, or whose process no longer lives (a killed CLI), is over, so the reaper may remove
 * what it left.
 */
public final class ActiveRuns {

    private final Path dir;

    public ActiveRuns(Path runsDir) {
        this.dir = runsDir;
    }

    /** Marks {@code runId} as running in this process; closing the mark ends it. */
    public AutoCloseable start(String runId) {
        Path mark = dir.resolve(runId + ".pid");
        try {
            Files.createDirectories(dir);
            Files.writeString(mark, Long.toString(ProcessHandle.current().pid()), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + mark + ": check that " + dir + " is writable", e);
        }
        return () -> Files.deleteIfExists(mark);
    }

    /** Whether a process of this user is still running {@code runId}. */
    public boolean isActive(String runId) {
        Path mark = dir.resolve(runId + ".pid");
        try {
            long pid = Long.parseLong(Files.readString(mark, StandardCharsets.US_ASCII).trim());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }
}
