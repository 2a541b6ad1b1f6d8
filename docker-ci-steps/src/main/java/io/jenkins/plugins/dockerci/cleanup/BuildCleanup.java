package io.jenkins.plugins.dockerci.cleanup;

import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.action.BuildSummaryAction;
import io.jenkins.plugins.dockerci.action.CleanupRecord;
import io.jenkins.plugins.dockerci.action.DockerEnginesAction;
import io.jenkins.plugins.dockerci.action.EngineRecord;
import io.jenkins.plugins.dockerci.agent.AgentRunner;
import io.jenkins.plugins.dockerci.config.BuiltImagePolicy;
import io.jenkins.plugins.dockerci.config.DockerCiConfiguration;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceLedger;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import io.jenkins.plugins.dockerci.host.DockerHostSpec;
import io.jenkins.plugins.dockerci.identity.RunIds;
import io.jenkins.plugins.dockerci.log.TaskListenerLogSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Removes what a build created, from the controller, on every Docker engine the build used: for each engine in the
 * build's {@link DockerEnginesAction}, reads that engine's ledger, sends it to a node that reaches the engine and
 * records the report on the build page. Every cleanup path of freestyle and Pipeline builds goes through here.
 *
 * <p>Never throws: a problem is a warning in the console (the resources keep their labels, so the orphan reaper
 * removes them later) and never changes the build's result.
 */
public final class BuildCleanup {

    private BuildCleanup() {
    }

    /**
     * Cleans up {@code run} on every engine it used.
     *
     * @param stepChoice the step's image policy, or {@code null} for the global one
     * @param last       whether this is the build's final cleanup (afterwards the final-cleanup listener has nothing to do)
     * @return one summary per engine cleaned (also recorded on the build page); empty if the build never used Docker
     */
    public static List<CleanupSummary> clean(Run<?, ?> run, TaskListener listener, BuiltImagePolicy stepChoice, boolean last) {
        CleanupRules rules = CleanupRules.of(stepChoice, DockerCiConfiguration.get());
        String runId = RunIds.of(run);
        List<EngineRecord> engines = DockerEnginesAction.enginesOf(run);
        List<CleanupSummary> summaries = new ArrayList<>();
        for (int position = 0; position < engines.size(); position++) {
            EngineRecord engine = engines.get(position);
            cleanEngine(run, listener, rules, engine, RunLedgers.get().find(run, position, runId)).ifPresent(summaries::add);
        }
        if (last) {
            CleanupMarker.mark(run);
            RunLedgers.get().close(runId);
        }
        return summaries;
    }

    private static Optional<CleanupSummary> cleanEngine(Run<?, ?> run, TaskListener listener, CleanupRules rules,
                                                        EngineRecord engine, Optional<ResourceLedger> ledger) {
        if (ledger.isEmpty()) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        try {
            VirtualChannel channel = EngineAccess.channelOf(engine);
            if (channel == null) {
                warn(listener, Messages.BuildCleanup_nodeOffline(engine.describe()));
                return Optional.empty();
            }
            DockerHostSpec host = EngineAccess.hostOf(engine, run);
            String json = Files.readString(ledger.get().file(), StandardCharsets.UTF_8);
            CleanupSummary summary = new AgentRunner(listener, host.secrets(), ResourceTracker.NONE)
                    .onNode(channel, new CleanupTask(host, json, rules));
            BuildSummaryAction.of(run).add(new CleanupRecord(engine.describe(), summary.removed(), summary.alreadyGone(),
                    summary.kept(), summary.cached(), summary.failures(), Duration.ofNanos(System.nanoTime() - started)));
            return Optional.of(summary);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            warn(listener, Messages.BuildCleanup_interrupted(engine.describe()));
        } catch (IOException | RuntimeException e) {
            warn(listener, Messages.BuildCleanup_failed(engine.describe(), e.getMessage()));
        }
        return Optional.empty();
    }

    private static void warn(TaskListener listener, String problem) {
        new TaskListenerLogSink(listener).warn(Messages.BuildCleanup_leftForReaper(problem));
    }
}
