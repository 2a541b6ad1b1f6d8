package io.jenkins.plugins.dockerci.cleanup;

import io.jenkins.plugins.dockerci.config.BuiltImagePolicy;
import io.jenkins.plugins.dockerci.engine.cleanup.CleanupPolicy;

/** The engine's cleanup policy for the administrator's (or the step's) choice about built images. */
final class CleanupPolicies {

    private CleanupPolicies() {
    }

    static CleanupPolicy of(BuiltImagePolicy policy) {
        return switch (policy) {
            case REMOVE -> CleanupPolicy.REMOVE_ALL;
            case KEEP_PUSHED -> CleanupPolicy.KEEP_PUSHED;
            case KEEP -> CleanupPolicy.KEEP_IMAGES;
        };
    }
}
