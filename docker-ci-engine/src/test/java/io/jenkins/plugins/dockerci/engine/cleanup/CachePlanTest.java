package io.jenkins.plugins.dockerci.engine.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerci.engine.cleanup.CachePlan.Node;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CachePlanTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final long MB = 1 << 20;

    // base (tagged, 100 MB) <- deps (untagged, +300 MB) <- app1 (cache, +10 MB)
    //                                                   <- app2 (cache, +20 MB)
    // other (tagged by a person) <- mine (cache, +5 MB)
    private final Map<String, Node> images = new HashMap<>(Map.of(
            "base", new Node("base", null, 100 * MB, true),
            "deps", new Node("deps", "base", 400 * MB, false),
            "app1", new Node("app1", "deps", 410 * MB, true),
            "app2", new Node("app2", "deps", 420 * MB, true),
            "other", new Node("other", null, 50 * MB, true),
            "mine", new Node("mine", "other", 55 * MB, true)));
    private final Map<String, Instant> lastUse = new HashMap<>(Map.of(
            "app1", NOW.minus(Duration.ofDays(3)),
            "app2", NOW.minus(Duration.ofMinutes(5)),
            "mine", NOW.minus(Duration.ofDays(2))));

    private CachePlan plan(BuildCachePolicy policy) {
        Map<String, String> heads = new LinkedHashMap<>();
        lastUse.keySet().stream().sorted().forEach(id -> heads.put(id, "docker-ci-cache/o:" + id));
        // created long ago, so the last use decides
        return CachePlan.of(heads, images, id -> NOW.minus(Duration.ofDays(30)), lastUse::get, policy, NOW);
    }

    @Test
    void withinBoundsEverythingIsKeptAndSharedLayersCountOnce() {
        CachePlan plan = plan(BuildCachePolicy.DEFAULT);

        assertThat(plan.pruned()).isEmpty();
        assertThat(plan.kept()).extracting(CachedImage::id).containsExactlyInAnyOrder("app1", "mine", "app2");
        // deps 300 + app1 10 + app2 20 + mine 5; the tagged bases are not the cache's
        assertThat(plan.keptBytes()).isEqualTo(335 * MB);
        assertThat(plan.kept()).filteredOn(i -> i.id().equals("app1")).singleElement()
                .satisfies(i -> assertThat(i.bytes()).isEqualTo(310 * MB));
    }

    @Test
    void cacheUnusedForLongerThanThePolicyAllowsIsPruned() {
        CachePlan plan = plan(new BuildCachePolicy(Duration.ofDays(1), 10L << 30));

        assertThat(plan.pruned()).extracting(CachedImage::id).containsExactlyInAnyOrder("app1", "mine");
        assertThat(plan.pruned()).allSatisfy(i -> assertThat(i.reason()).startsWith("unused for"));
        assertThat(plan.kept()).extracting(CachedImage::id).containsExactly("app2");
        assertThat(plan.keptBytes()).isEqualTo(320 * MB);
    }

    @Test
    void overTheBudgetTheLeastRecentlyUsedGoFirstUntilItFits() {
        CachePlan plan = plan(new BuildCachePolicy(Duration.ofDays(7), 330 * MB));

        // app1 is the oldest: without it the cache holds 325 MB
        assertThat(plan.pruned()).extracting(CachedImage::id).containsExactly("app1");
        assertThat(plan.pruned().get(0).reason()).contains("over its budget of 330 MB");
        assertThat(plan.keptBytes()).isEqualTo(325 * MB);
    }

    @Test
    void recentlyUsedCacheIsNeverPrunedForSize() {
        CachePlan plan = plan(new BuildCachePolicy(Duration.ofDays(7), 1));

        assertThat(plan.pruned()).extracting(CachedImage::id).containsExactly("app1", "mine");
        assertThat(plan.kept()).extracting(CachedImage::id).containsExactly("app2");
    }

    @Test
    void cacheCreatedWithinTheBoundIsKeptWithoutAskingDockerForItsLastUse() {
        Map<String, String> heads = Map.of("app2", "docker-ci-cache/o:app2");

        CachePlan plan = CachePlan.of(heads, images, id -> NOW.minus(Duration.ofHours(2)), id -> {
            throw new AssertionError("asked for the last use of " + id);
        }, BuildCachePolicy.DEFAULT, NOW);

        assertThat(plan.kept()).singleElement().satisfies(i -> assertThat(i.lastUse()).isEqualTo(NOW.minus(Duration.ofHours(2))));
    }

    @Test
    void keepingNoCachePrunesEveryCacheImage() {
        CachePlan plan = plan(BuildCachePolicy.NONE);

        assertThat(plan.pruned()).hasSize(3).allSatisfy(i -> assertThat(i.reason()).isEqualTo("the policy keeps no build cache"));
        assertThat(plan.kept()).isEmpty();
        assertThat(plan.keptBytes()).isZero();
    }
}
