package io.jenkins.plugins.dockerci.cleanup;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Run;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open ledgers of running builds, one per build, on the controller.
 *
 * <p>Every step of a build (and parallel branches of a Pipeline) records into the same {@link ResourceLedger} object,
 * so no two writers race on the build's ledger file. Cleanup reads the ledger from here while the build runs and from
 * the build directory after a restart, then forgets it.
 */
@Extension
public final class RunLedgers {

    private final Map<String, ResourceLedger> open = new ConcurrentHashMap<>();

    /** The instance in Jenkins. */
    public static RunLedgers get() {
        return ExtensionList.lookupSingleton(RunLedgers.class);
    }

    /** The ledger of {@code build}, in its build directory; created (and written) on first use. */
    public ResourceLedger open(Run<?, ?> build, RunContext run) {
        return open.computeIfAbsent(run.runId(), id -> ResourceLedger.open(directory(build), run));
    }

    /**
     * The ledger of {@code build} if it recorded anything: the open one, or the one in its build directory (a build
     * from before a restart); empty if the build never used Docker.
     */
    public Optional<ResourceLedger> find(Run<?, ?> build, String runId) {
        ResourceLedger ledger = open.get(runId);
        if (ledger != null) {
            return Optional.of(ledger);
        }
        Path file = ResourceLedger.fileFor(directory(build), runId);
        return Files.exists(file) ? Optional.of(ResourceLedger.read(file)) : Optional.empty();
    }

    /** Forgets the ledger of a build that has completed (the file stays, as a record). */
    public void close(String runId) {
        open.remove(runId);
    }

    private static Path directory(Run<?, ?> build) {
        return build.getRootDir().toPath();
    }
}
