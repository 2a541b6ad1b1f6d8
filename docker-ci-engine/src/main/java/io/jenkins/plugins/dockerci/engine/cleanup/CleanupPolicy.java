package io.jenkins.plugins.dockerci.engine.cleanup;

import java.util.Objects;

/**
 * What cleanup does with the images and tags of a run. Containers, volumes and networks the run created are always
 * removed.
 *
 * @param removeBuiltImages remove the images the run built and the tags it added; {@code false} keeps both
 * @param keepPushed        even when removing built images, keep every reference the run pushed (the local tag, and
 *                          so the image under it)
 * @param buildCache        how much of what runs built is kept as build cache (under a cache tag, with the layers
 *                          below it) instead of being removed; applies when built images are removed
 */
public record CleanupPolicy(boolean removeBuiltImages, boolean keepPushed, BuildCachePolicy buildCache) {

    /** Leaves nothing of the run on the Docker host but the bounded build cache: the default. */
    public static final CleanupPolicy REMOVE_ALL = new CleanupPolicy(true, false);
    /** Removes what the run built, except what it pushed (and the bounded build cache). */
    public static final CleanupPolicy KEEP_PUSHED = new CleanupPolicy(true, true);
    /** Keeps the images the run built and every tag it added; removes containers, volumes and networks. */
    public static final CleanupPolicy KEEP_IMAGES = new CleanupPolicy(false, true);

    public CleanupPolicy {
        Objects.requireNonNull(buildCache, "buildCache");
    }

    /** A policy with the {@link BuildCachePolicy#DEFAULT default build cache}. */
    public CleanupPolicy(boolean removeBuiltImages, boolean keepPushed) {
        this(removeBuiltImages, keepPushed, BuildCachePolicy.DEFAULT);
    }

    /** The same policy with another build cache bound (e.g. from a global setting). */
    public CleanupPolicy withBuildCache(BuildCachePolicy cache) {
        return new CleanupPolicy(removeBuiltImages, keepPushed, cache);
    }
}
