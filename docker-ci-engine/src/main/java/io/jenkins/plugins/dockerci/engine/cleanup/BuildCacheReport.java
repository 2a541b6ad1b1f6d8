package io.jenkins.plugins.dockerci.engine.cleanup;

import io.jenkins.plugins.dockerci.engine.ByteSizeText;
import io.jenkins.plugins.dockerci.engine.cleanup.RemovalOutcome.Status;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one trim of an owner's build cache found and did: the cache images it keeps on purpose, those the
 * {@link BuildCachePolicy} prunes, and (unless it was a dry run) how each removal went.
 *
 * @param ownerId   whose cache
 * @param policy    the bound it enforced
 * @param kept      cache images kept on purpose
 * @param keptBytes what the kept cache holds, each layer once
 * @param toPrune   cache images over the bound, with the reason
 * @param outcomes  the removals of {@code toPrune}; empty for a dry run
 */
public record BuildCacheReport(String ownerId, BuildCachePolicy policy, List<CachedImage> kept, long keptBytes,
                               List<CachedImage> toPrune, List<RemovalOutcome> outcomes) {

    public BuildCacheReport {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(policy, "policy");
        kept = List.copyOf(kept);
        toPrune = List.copyOf(toPrune);
        outcomes = List.copyOf(outcomes);
    }

    /** The removals that failed (the image is still cache-tagged, so the next trim tries again). */
    public List<RemovalOutcome> failed() {
        return outcomes.stream().filter(o -> o.status() == Status.FAILED).toList();
    }

    /** One line for a log, e.g. "Build cache of owner cli-ann: 3 image(s) kept (1.2 GB), 2 pruned (keep up to 10 GB, unused at most 7d)". */
    public String summary() {
        String pruned = outcomes.isEmpty() && !toPrune.isEmpty() ? toPrune.size() + " to prune"
                : outcomes.stream().filter(o -> o.status() == Status.REMOVED).count() + " pruned";
        return String.format(Locale.ROOT, "Build cache of owner %s: %d image(s) kept on purpose (%s), %s%s (policy: %s)", ownerId,
                kept.size(), ByteSizeText.format(keptBytes), pruned, failed().isEmpty() ? "" : ", " + failed().size() + " failed",
                policy.describe());
    }
}
