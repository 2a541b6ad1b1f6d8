package io.jenkins.plugins.dockerci.engine.cleanup;

import io.jenkins.plugins.dockerci.engine.ByteSizeText;
import io.jenkins.plugins.dockerci.engine.DurationText;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import java.time.Duration;
import java.util.Objects;

/**
 * How much build cache the tool keeps on a Docker host, per owner: the images its runs built, kept under a cache tag
 * (see {@link io.jenkins.plugins.dockerci.engine.BuildAttribution}) together with the layers below them, so that the
 * next build of an unchanged project is fully cached, as it would be with a plain {@code docker build}.
 *
 * <p>The bound is enforced by every cleanup and by the orphan reaper, and only on cache of the owner being cleaned
 * (images carrying its cache tag, which only its cleanups put there): an image or layer this tool did not keep as
 * cache is never counted nor removed, and a layer another image, tag or container still uses stays, because cache images are
 * removed with Docker's own rule (an image goes, and then each parent that no tag, container or other image needs).
 *
 * @param maxUnused cache not used (built or reused by a run) for longer than this is removed; zero keeps none
 * @param maxBytes  when the owner's cache holds more than this, the least recently used images go first until it
 *                  fits; images used within {@link #RECENT} are never removed for size, since a run may be using them
 */
public record BuildCachePolicy(Duration maxUnused, long maxBytes) {

    /** Images used this recently are kept whatever the size budget says: a concurrent run may be building on them. */
    public static final Duration RECENT = Duration.ofMinutes(10);
    /** Keep no build cache: every cleanup removes what its run built, as before the cache was kept. */
    public static final BuildCachePolicy NONE = new BuildCachePolicy(Duration.ZERO, 0);
    /** The default: keep the cache (what {@code docker build} users expect), up to 7 days unused and 10 GB per owner. */
    public static final BuildCachePolicy DEFAULT = new BuildCachePolicy(Duration.ofDays(7), 10L << 30);

    public BuildCachePolicy {
        Objects.requireNonNull(maxUnused, "maxUnused");
        if (maxUnused.isNegative()) {
            throw new IllegalArgumentException("The build cache's maximum unused time must not be negative, was " + maxUnused);
        }
        if (maxBytes < 0) {
            throw new IllegalArgumentException("The build cache's size budget must not be negative, was " + maxBytes);
        }
        if (maxUnused.isZero() != (maxBytes == 0)) {
            // a zero in one bound alone would silently keep nothing; say so rather than guess
            throw new IllegalArgumentException("A build cache needs both a maximum unused time and a size budget above zero,"
                    + " or both zero to keep no cache; was " + maxUnused + " and " + maxBytes + " bytes");
        }
    }

    /**
     * The policy as a form or YAML file writes it, e.g. {@code ("7d", "10GB")}; {@code ("0", "0")} keeps no cache.
     *
     * @throws InvalidRequestException naming the setting that is wrong
     */
    public static BuildCachePolicy parse(String maxUnused, String maxSize, String what) {
        Duration age = DurationText.parse(maxUnused, what + ".maxUnused");
        long bytes = ByteSizeText.parse(maxSize, what + ".maxSize");
        if (age.isZero() != (bytes == 0)) {
            throw new InvalidRequestException(what + ": maxUnused and maxSize must both"
                    + " be above zero to keep build cache, or both 0 to keep none (was " + maxUnused + " and " + maxSize + ")");
        }
        return new BuildCachePolicy(age, bytes);
    }

    /** Whether any cache is kept at all. */
    public boolean keepsCache() {
        return maxBytes > 0;
    }

    /** For logs and reports: "keep up to 10 GB, unused at most 7d" or "keep none". */
    public String describe() {
        return keepsCache() ? "keep up to " + ByteSizeText.format(maxBytes) + ", unused at most " + DurationText.format(maxUnused)
                : "keep none";
    }
}
