package io.jenkins.plugins.dockerci.testsupport;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.TaskListener;
import java.io.IOException;
import java.util.List;

/**
 * Runs build steps and post-build actions the way a freestyle build does: builders in order until one fails (an
 * {@link AbortException} prints {@code ERROR: message} and makes the build FAILURE), then every publisher whatever
 * the result.
 */
public final class FreestyleBuild {

    /** One build step, given the environment Jenkins computes for it. */
    @FunctionalInterface
    public interface Step {
        void perform(TestRun run, FilePath workspace, EnvVars env, TaskListener listener)
                throws IOException, InterruptedException;
    }

    private FreestyleBuild() {
    }

    /** Runs the build and returns its result. */
    public static Result run(TestRun run, FilePath workspace, EnvVars variables, TaskListener listener,
                             List<Step> builders, List<Step> publishers) throws IOException, InterruptedException {
        for (Step builder : builders) {
            try {
                builder.perform(run, workspace, run.environment(variables), listener);
            } catch (AbortException e) {
                listener.getLogger().println("ERROR: " + e.getMessage());
                run.setResult(Result.FAILURE);
                break;
            }
        }
        for (Step publisher : publishers) {
            publisher.perform(run, workspace, run.environment(variables), listener);
        }
        run.setResult(Result.SUCCESS);
        return run.getResult();
    }
}
