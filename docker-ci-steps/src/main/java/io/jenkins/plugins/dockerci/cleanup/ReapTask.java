package io.jenkins.plugins.dockerci.cleanup;

import io.jenkins.plugins.dockerci.agent.AgentContext;
import io.jenkins.plugins.dockerci.agent.AgentTask;
import io.jenkins.plugins.dockerci.agent.Jep200;
import io.jenkins.plugins.dockerci.config.BuiltImagePolicy;
import io.jenkins.plugins.dockerci.engine.cleanup.Cleaner;
import io.jenkins.plugins.dockerci.engine.cleanup.CleanupReport;
import io.jenkins.plugins.dockerci.engine.cleanup.OrphanReaper;
import io.jenkins.plugins.dockerci.host.DockerHostSpec;
import io.jenkins.plugins.dockerci.host.NodeDockerHost;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Runs the orphan reaper for this Jenkins' owner id on one node's engine.
 *
 * @param host        the node's Docker host
 * @param ownerId     this Jenkins' owner id
 * @param activeRuns  run ids of builds in progress (never touched)
 * @param graceMillis how old a run's newest resource must be
 * @param policy      what to do with images of orphaned runs
 */
public record ReapTask(DockerHostSpec host, String ownerId, List<String> activeRuns, long graceMillis, BuiltImagePolicy policy)
        implements AgentTask<CleanupSummary> {

    public ReapTask {
        activeRuns = Jep200.list(activeRuns);
    }

    @Override
    public CleanupSummary run(AgentContext context) throws IOException {
        try (NodeDockerHost node = NodeDockerHost.open(host, System.getenv());
             Cleaner cleaner = Cleaner.open(node.endpoint(), Cleaner.DEFAULT_CALL_TIMEOUT, context.log())) {
            List<CleanupReport> reports = new OrphanReaper(cleaner, CleanupPolicies.of(policy), context.log(), Clock.systemUTC())
                    .reap(ownerId, activeRuns::contains, Duration.ofMillis(graceMillis));
            int removed = reports.stream().mapToInt(r -> r.removed().size()).sum();
            int gone = reports.stream().mapToInt(r -> r.alreadyGone().size()).sum();
            int kept = reports.stream().mapToInt(r -> r.kept().size()).sum();
            return new CleanupSummary(removed, gone, kept,
                    reports.stream().flatMap(r -> CleanupSummary.of(r).failures().stream()).toList());
        }
    }
}
