package io.jenkins.plugins.dockerci.engine.cleanup;

import io.jenkins.plugins.dockerci.engine.ByteSizeText;
import io.jenkins.plugins.dockerci.engine.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Which cache images of an owner to keep and which to prune under a {@link BuildCachePolicy}, from a snapshot of the
 * engine's images (pure logic, no Docker calls).
 *
 * <p>First every cache image unused for longer than the policy allows goes. Then, while the cache still holds more
 * bytes than the budget, the least recently used goes, except those used within {@link BuildCachePolicy#RECENT}. The
 * cache's bytes are those of the cache images and of their untagged ancestors, each layer counted once: a tagged
 * ancestor (a base image, or another cache image) is not what pruning would free.
 */
final class CachePlan {

    /**
     * An image of the engine, as the planner needs it.
     *
     * @param size   its size including its parents (what the engine lists for classic images)
     * @param tagged whether any tag refers to it
     */
    record Node(String id, String parentId, long size, boolean tagged) {

        Node {
            Objects.requireNonNull(id, "id");
            parentId = parentId == null || parentId.isBlank() ? null : parentId;
        }
    }

    private final List<CachedImage> kept;
    private final List<CachedImage> pruned;
    private final long keptBytes;

    private CachePlan(List<CachedImage> kept, List<CachedImage> pruned, long keptBytes) {
        this.kept = List.copyOf(kept);
        this.pruned = List.copyOf(pruned);
        this.keptBytes = keptBytes;
    }

    /**
     * Plans the trim.
     *
     * @param heads   the owner's cache images: id to cache tag
     * @param images  every image of the engine, by id
     * @param created when a cache image was created: its last use cannot be earlier
     * @param lastUse when a cache image was last used; asked only when the answer matters (it costs a Docker call)
     */
    static CachePlan of(Map<String, String> heads, Map<String, Node> images, Function<String, Instant> created,
                        Function<String, Instant> lastUse, BuildCachePolicy policy, Instant now) {
        Map<String, Instant> used = new HashMap<>();
        Function<String, Instant> memo = id -> used.computeIfAbsent(id, lastUse);
        // what is known without asking: the creation time, or the last use once asked
        Function<String, Instant> known = id -> used.getOrDefault(id, created.apply(id));
        Map<String, Set<String>> chains = new HashMap<>();
        heads.keySet().forEach(id -> chains.put(id, chain(id, images)));
        List<CachedImage> pruned = new ArrayList<>();
        List<String> remaining = new ArrayList<>();
        Instant unusedSince = now.minus(policy.maxUnused());
        for (String id : heads.keySet()) {
            if (policy.keepsCache() && !created.apply(id).isBefore(unusedSince)) {
                // created within the bound, so used within it too
                remaining.add(id);
                continue;
            }
            Instant usedAt = memo.apply(id);
            if (!policy.keepsCache() || usedAt.isBefore(unusedSince)) {
                String why = policy.keepsCache() ? "unused for " + DurationText.format(Duration.between(usedAt, now))
                        + " (the policy keeps at most " + DurationText.format(policy.maxUnused()) + ")" : "the policy keeps no build cache";
                pruned.add(image(id, heads, images, chains, usedAt).prunedBecause(why));
            } else {
                remaining.add(id);
            }
        }
        long total = bytes(remaining, chains, images);
        if (total > policy.maxBytes()) {
            // least recently used first
            remaining.sort(Comparator.comparing(memo));
        }
        while (total > policy.maxBytes()) {
            String victim = remaining.stream().filter(id -> memo.apply(id).isBefore(now.minus(BuildCachePolicy.RECENT)))
                    .findFirst().orElse(null);
            if (victim == null) {
                break;
            }
            remaining.remove(victim);
            pruned.add(image(victim, heads, images, chains, memo.apply(victim)).prunedBecause("the owner's build cache held "
                    + ByteSizeText.format(total) + ", over its budget of " + ByteSizeText.format(policy.maxBytes())));
            total = bytes(remaining, chains, images);
        }
        List<CachedImage> kept = remaining.stream().map(id -> image(id, heads, images, chains, known.apply(id))).toList();
        return new CachePlan(kept, pruned, total);
    }

    List<CachedImage> kept() {
        return kept;
    }

    List<CachedImage> pruned() {
        return pruned;
    }

    /** The bytes the kept cache holds, each layer once. */
    long keptBytes() {
        return keptBytes;
    }

    private static CachedImage image(String id, Map<String, String> heads, Map<String, Node> images,
                                     Map<String, Set<String>> chains, Instant usedAt) {
        return new CachedImage(id, heads.get(id), bytes(List.of(id), chains, images), usedAt, "");
    }

    /** The image and its untagged ancestors: what Docker's prune could free when the image goes. */
    private static Set<String> chain(String head, Map<String, Node> images) {
        Set<String> chain = new HashSet<>();
        Node node = images.get(head);
        while (node != null && chain.add(node.id())) {
            Node parent = node.parentId() == null ? null : images.get(node.parentId());
            node = parent == null || parent.tagged() ? null : parent;
        }
        return chain;
    }

    private static long bytes(List<String> heads, Map<String, Set<String>> chains, Map<String, Node> images) {
        Set<String> layers = new HashSet<>();
        heads.forEach(id -> layers.addAll(chains.get(id)));
        long total = 0;
        for (String id : layers) {
            Node node = images.get(id);
            Node parent = node.parentId() == null ? null : images.get(node.parentId());
            total += Math.max(0, node.size() - (parent == null ? 0 : parent.size()));
        }
        return total;
    }
}
