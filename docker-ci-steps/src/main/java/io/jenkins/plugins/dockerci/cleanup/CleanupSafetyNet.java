package io.jenkins.plugins.dockerci.cleanup;

import hudson.Extension;
import hudson.FilePath;
import hudson.model.AbstractBuild;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import io.jenkins.plugins.dockerci.identity.RunIds;
import io.jenkins.plugins.dockerci.params.StepServices;
import java.util.Map;

/**
 * Cleans up a completed build that used Docker but had no cleanup post-build action (or whose action could not
 * run): the job's configuration must not decide whether containers are left behind. Builds whose workspace node
 * is gone are left to the orphan reaper.
 */
@Extension
public final class CleanupSafetyNet extends RunListener<Run<?, ?>> {

    @Override
    public void onCompleted(Run<?, ?> run, TaskListener listener) {
        onCompleted(run, listener, StepServices.jenkins());
    }

    void onCompleted(Run<?, ?> run, TaskListener listener, StepServices services) {
        try {
            if (CleanupMarker.isCleaned(run)) {
                return;
            }
            FilePath workspace = run instanceof AbstractBuild<?, ?> build ? build.getWorkspace() : null;
            if (workspace != null && workspace.getChannel() != null) {
                new BuildCleanup(services).clean(run, workspace.getChannel(), Map.of(), null, true, listener);
            }
        } finally {
            // a completed build records nothing more; its ledger file stays for the reaper and for people
            services.ledgers().close(RunIds.of(run));
        }
    }
}
