package io.jenkins.plugins.dockerci.cleanup;

import hudson.model.InvisibleAction;
import hudson.model.Run;

/** Marks a build whose final cleanup ran, so the safety net does not run it again. */
public final class CleanupMarker extends InvisibleAction {

    static void mark(Run<?, ?> run) {
        if (!isCleaned(run)) {
            run.addAction(new CleanupMarker());
        }
    }

    /** Whether the build's final cleanup ran. */
    public static boolean isCleaned(Run<?, ?> run) {
        return run.getAction(CleanupMarker.class) != null;
    }
}
