package io.jenkins.plugins.dockerci.cleanup;

import io.jenkins.plugins.dockerci.config.BuiltImagePolicy;
import io.jenkins.plugins.dockerci.config.DockerCiConfiguration;
import io.jenkins.plugins.dockerci.engine.cleanup.BuildCachePolicy;
import io.jenkins.plugins.dockerci.engine.cleanup.CleanupPolicy;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * What a cleanup keeps, as it travels to the agent: the built-image policy (the step's or the global one) and the
 * bound of this Jenkins' build cache (the global setting).
 *
 * @param images               what happens to the images a build built
 * @param cacheMaxUnusedMillis how long cache may stay unused; {@code 0} with {@code cacheMaxBytes} {@code 0} keeps none
 * @param cacheMaxBytes        how much cache is kept on the engine
 */
public record CleanupRules(BuiltImagePolicy images, long cacheMaxUnusedMillis, long cacheMaxBytes) implements Serializable {

    public CleanupRules {
        Objects.requireNonNull(images, "images");
    }

    /** The rules for a cleanup: the step's image policy (or {@code null} for the global one), the global cache bound. */
    public static CleanupRules of(BuiltImagePolicy stepChoice, DockerCiConfiguration configuration) {
        BuildCachePolicy cache = configuration.buildCachePolicy();
        return new CleanupRules(stepChoice != null ? stepChoice : configuration.getBuiltImagePolicy(),
                cache.maxUnused().toMillis(), cache.maxBytes());
    }

    /** The engine's policy. */
    public CleanupPolicy toEngine() {
        CleanupPolicy policy = switch (images) {
            case REMOVE -> CleanupPolicy.REMOVE_ALL;
            case KEEP_PUSHED -> CleanupPolicy.KEEP_PUSHED;
            case KEEP -> CleanupPolicy.KEEP_IMAGES;
        };
        return policy.withBuildCache(new BuildCachePolicy(Duration.ofMillis(cacheMaxUnusedMillis), cacheMaxBytes));
    }
}
