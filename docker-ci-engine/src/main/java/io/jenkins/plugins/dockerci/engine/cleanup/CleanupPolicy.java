package io.jenkins.plugins.dockerci.engine.cleanup;

/**
 * What cleanup does with the images and tags of a run. Containers, volumes and networks the run created are always
 * removed.
 *
 * @param removeBuiltImages remove the images the run built and the tags it added; {@code false} keeps both
 * @param keepPushed        even when removing built images, keep every reference the run pushed (the local tag, and
 *                          so the image under it)
 */
public record CleanupPolicy(boolean removeBuiltImages, boolean keepPushed) {

    /** Leaves nothing of the run on the Docker host: the default. */
    public static final CleanupPolicy REMOVE_ALL = new CleanupPolicy(true, false);
    /** Removes what the run built, except what it pushed. */
    public static final CleanupPolicy KEEP_PUSHED = new CleanupPolicy(true, true);
    /** Keeps the images the run built and every tag it added; removes containers, volumes and networks. */
    public static final CleanupPolicy KEEP_IMAGES = new CleanupPolicy(false, true);
}
