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
 * The ledgers of running builds on the controller: one per build and Docker engine, in
 * {@code <build directory>/docker-ci/<engine position>/} (the position in the build's
 * {@link io.jenkins.plugins.dockerci.action.DockerEnginesAction}), so every entry is attributed to the engine that
 * created it.
 *
 * <p>Every step of a build (and parallel branches of a Pipeline) records into the same {@link ResourceLedger} object
 * per engine, so no two writers race on a ledger file. Cleanup reads the ledger from here while the build runs and
 * from the build directory after a restart.
 */
@Extension
public final class RunLedgers {

    private static final String DIRECTORY = "docker-ci";

    private final Map<String, ResourceLedger> open = new ConcurrentHashMap<>();

    /** The instance in Jenkins. */
    public static RunLedgers get() {
        return ExtensionList.lookupSingleton(RunLedgers.class);
    }

    /** The ledger of {@code build} on the engine at {@code engine}; created (and written) on first use. */
    public ResourceLedger open(Run<?, ?> build, int engine, RunContext run) {
        return open.computeIfAbsent(key(run.runId(), engine), k -> ResourceLedger.open(directory(build, engine), run));
    }

    /**
     * The ledger of {@code build} on the engine at {@code engine} if it recorded anything: the open one, or the one in
     * the build directory (a build from before a restart).
     */
    public Optional<ResourceLedger> find(Run<?, ?> build, int engine, String runId) {
        ResourceLedger ledger = open.get(key(runId, engine));
        if (ledger != null) {
            return Optional.of(ledger);
        }
        Path file = ResourceLedger.fileFor(directory(build, engine), runId);
        return Files.exists(file) ? Optional.of(ResourceLedger.read(file)) : Optional.empty();
    }

    /** Forgets the ledgers of a build that has completed (the files stay, as a record). */
    public void close(String runId) {
        open.keySet().removeIf(key -> key.startsWith(runId + "#"));
    }

    private static String key(String runId, int engine) {
        return runId + "#" + engine;
    }

    private static Path directory(Run<?, ?> build, int engine) {
        return build.getRootDir().toPath().resolve(DIRECTORY).resolve(Integer.toString(engine));
    }
}
