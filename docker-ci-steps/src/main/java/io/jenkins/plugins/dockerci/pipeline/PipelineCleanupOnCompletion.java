package io.jenkins.plugins.dockerci.pipeline;

import hudson.Extension;
import hudson.model.AbstractBuild;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import io.jenkins.plugins.dockerci.action.BuildSummaryAction;
import io.jenkins.plugins.dockerci.action.CleanupRecord;
import io.jenkins.plugins.dockerci.cleanup.BuildCleanup;
import io.jenkins.plugins.dockerci.cleanup.CleanupMarker;
import io.jenkins.plugins.dockerci.identity.RunIds;
import io.jenkins.plugins.dockerci.params.StepServices;
import java.time.Duration;

/**
 * The final cleanup of a Pipeline build, whether or not its Jenkinsfile called {@code dockerCleanup}: removes what
 * the build created through the node it last used Docker on (freestyle builds are covered by the safety net of the
 * cleanup package, which finds their workspace). Never changes the build's result; if the node is gone, the orphan
 * reaper removes the leftovers.
 */
@Extension
public final class PipelineCleanupOnCompletion extends RunListener<Run<?, ?>> {

    @Override
    public void onCompleted(Run<?, ?> run, TaskListener listener) {
        onCompleted(run, listener, StepServices.jenkins(), DockerNodes.get());
    }

    void onCompleted(Run<?, ?> run, TaskListener listener, StepServices services, DockerNodes nodes) {
        if (run instanceof AbstractBuild<?, ?>) {
            return;
        }
        nodes.take(RunIds.of(run)).filter(node -> !CleanupMarker.isCleaned(run)).ifPresent(node -> {
            long started = System.nanoTime();
            new BuildCleanup(services).clean(run, node.channel(), node.environment(), null, true, listener)
                    .ifPresent(report -> BuildSummaryAction.of(run).add(new CleanupRecord(report.removed(),
                            report.alreadyGone(), report.kept(), report.failures(), Duration.ofNanos(System.nanoTime() - started))));
        });
    }
}
