package io.jenkins.plugins.dockerci.cleanup;

import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.dockerci.agent.AgentRunner;
import io.jenkins.plugins.dockerci.config.BuiltImagePolicy;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceLedger;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import io.jenkins.plugins.dockerci.identity.RunIds;
import io.jenkins.plugins.dockerci.log.TaskListenerLogSink;
import io.jenkins.plugins.dockerci.params.EngineTarget;
import io.jenkins.plugins.dockerci.params.StepServices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;

/**
 * Removes what a build created, from the controller: reads the build's ledger, sends it to a node that reaches the
 * build's Docker engine and prints the report. Never throws: a cleanup problem is a warning in the console (the
 * resources keep their labels, so the orphan reaper removes them later) and never changes the build's result.
 */
public final class BuildCleanup {

    private final StepServices services;

    public BuildCleanup(StepServices services) {
        this.services = services;
    }

    /**
     * Cleans up {@code run} on the node at the other end of {@code channel} ({@code null} when there is none: a warning).
     *
     * @param environment the build's environment (it chooses the node's Docker engine, as for the steps)
     * @param stepChoice  the step's image policy, or {@code null} for the global one
     * @param last        whether this is the build's final cleanup (afterwards the safety net has nothing to do)
     * @return the summary, or empty if the build never used Docker or cleanup could not run
     */
    public Optional<CleanupSummary> clean(Run<?, ?> run, VirtualChannel channel, Map<String, String> environment,
                                          BuiltImagePolicy stepChoice, boolean last, TaskListener listener) {
        String runId = RunIds.of(run);
        try {
            Optional<ResourceLedger> ledger = services.ledgers().find(run, runId);
            if (ledger.isEmpty()) {
                return Optional.empty();
            }
            if (channel == null) {
                warn(listener, "cleanup found no node to run on (the build has no workspace, or its agent is offline)");
                return Optional.empty();
            }
            EngineTarget target = services.target(run, environment);
            String json = Files.readString(ledger.get().file(), StandardCharsets.UTF_8);
            CleanupTask task = new CleanupTask(target.host(), json, services.builtImagePolicy(stepChoice));
            CleanupSummary summary = new AgentRunner(listener, target.host().secrets(), ResourceTracker.NONE).onNode(channel, task);
            if (last) {
                CleanupMarker.mark(run);
                services.ledgers().close(runId);
            }
            return Optional.of(summary);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            warn(listener, "cleanup was interrupted");
        } catch (IOException | RuntimeException e) {
            warn(listener, "cleanup could not run: " + e.getMessage());
        }
        return Optional.empty();
    }

    private static void warn(TaskListener listener, String problem) {
        listener.getLogger().println(TaskListenerLogSink.PREFIX + TaskListenerLogSink.WARNING + problem + ". The build's Docker"
                + " resources keep their labels; the orphan reaper removes them once the build is over.");
    }
}
