package io.jenkins.plugins.dockerci.engine.cleanup;

import java.time.Instant;
import java.util.Objects;

/**
 * One image of an owner's build cache: an image a run built, kept under the owner's cache tag.
 *
 * @param id      the image id
 * @param tag     its cache tag
 * @param bytes   what it holds of the cache: its own layers and those of its untagged ancestors (a layer two cache
 *                images share counts for each here, once in a total)
 * @param lastUse when a run last built or reused it, as far as the trim needed to know: Docker's last tag time of the
 *                image, or its creation time when that alone showed it recent enough (then it may be more recent)
 * @param reason  why it is pruned, or empty when it is kept
 */
public record CachedImage(String id, String tag, long bytes, Instant lastUse, String reason) {

    public CachedImage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(lastUse, "lastUse");
        reason = reason == null ? "" : reason;
    }

    CachedImage prunedBecause(String why) {
        return new CachedImage(id, tag, bytes, lastUse, why);
    }
}
