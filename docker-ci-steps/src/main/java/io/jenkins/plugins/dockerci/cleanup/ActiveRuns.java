package io.jenkins.plugins.dockerci.cleanup;

import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.dockerci.identity.RunIds;
import java.util.HashSet;
import java.util.Set;
import jenkins.model.Jenkins;

/** The run ids of the builds that are still running, whose resources the reaper must not touch. */
@FunctionalInterface
public interface ActiveRuns {

    /** Every build in progress in this Jenkins, found from each job's last build backwards. */
    ActiveRuns JENKINS = () -> {
        Set<String> active = new HashSet<>();
        for (Job<?, ?> job : Jenkins.get().getAllItems(Job.class)) {
            Run<?, ?> run = job.getLastBuild();
            if (run != null && !run.isBuilding()) {
                run = run.getPreviousBuildInProgress();
            }
            while (run != null) {
                active.add(RunIds.of(run));
                run = run.getPreviousBuildInProgress();
            }
        }
        return active;
    };

    /** The run ids of builds in progress now. */
    Set<String> runIds();
}
