package io.jenkins.plugins.dockerci.cleanup;

import io.jenkins.plugins.dockerci.agent.AgentContext;
import io.jenkins.plugins.dockerci.agent.AgentTask;
import io.jenkins.plugins.dockerci.agent.Jep200;
import io.jenkins.plugins.dockerci.engine.cleanup.Cleaner;
import io.jenkins.plugins.dockerci.engine.cleanup.OrphanReaper;
import io.jenkins.plugins.dockerci.host.DockerHostSpec;
import io.jenkins.plugins.dockerci.host.NodeDockerHost;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Runs the orphan reaper for this Jenkins' owner id on one node's engine, and trims this Jenkins' build cache there
 * to its bound.
 *
 * @param host        the node's Docker host
 * @param ownerId     this Jenkins' owner id
 * @param activeRuns  run ids of builds in progress (never touched)
 * @param graceMillis how old a run's newest resource must be
 * @param rules       what to keep
 */
public record ReapTask(DockerHostSpec host, String ownerId, List<String> activeRuns, long graceMillis, CleanupRules rules)
        implements AgentTask<CleanupSummary> {

    public ReapTask {
        activeRuns = Jep200.list(activeRuns);
    }

    @Override
    public CleanupSummary run(AgentContext context) throws IOException {
        try (NodeDockerHost node = NodeDockerHost.open(host, System.getenv());
             Cleaner cleaner = Cleaner.open(node.endpoint(), Cleaner.DEFAULT_CALL_TIMEOUT, context.log())) {
            OrphanReaper.Result result = new OrphanReaper(cleaner, rules.toEngine(), context.log(), Clock.systemUTC())
                    .reapWithCache(ownerId, activeRuns::contains, Duration.ofMillis(graceMillis));
            if (result.cache() != null) {
                context.log().info(result.cache().summary());
            }
            return CleanupSummary.of(result.runs(), result.cache());
        }
    }
}
