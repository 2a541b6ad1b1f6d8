package io.jenkins.plugins.dockerci.action;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What one cleanup of the build's Docker resources did. A plain value: stored in {@code build.xml}. */
public final class CleanupRecord {

    private final String engine;
    private final int removed;
    private final int alreadyGone;
    private final int kept;
    private final int cached;
    private final List<String> failures;
    private final long durationMillis;

    /**
     * @param engine      the Docker engine cleaned, for people (e.g. {@code node 'agent-1'})
     * @param removed     resources removed
     * @param alreadyGone resources that were already gone (an earlier cleanup, or removed by hand)
     * @param kept        resources kept on purpose (the built-image policy)
     * @param cached      images kept as build cache for later builds (the build-cache policy)
     * @param failures    one line per resource that could not be removed (the orphan reaper retries them)
     * @param duration    how long the cleanup took
     */
    public CleanupRecord(String engine, int removed, int alreadyGone, int kept, int cached, List<String> failures,
                         Duration duration) {
        this.engine = engine;
        this.removed = removed;
        this.alreadyGone = alreadyGone;
        this.kept = kept;
        this.cached = cached;
        this.failures = new ArrayList<>(failures);
        this.durationMillis = duration.toMillis();
    }

    /** The engine cleaned, for people; {@code null} in builds recorded before engines were recorded. */
    public String getEngine() {
        return engine;
    }

    public int getRemoved() {
        return removed;
    }

    public int getAlreadyGone() {
        return alreadyGone;
    }

    public int getKept() {
        return kept;
    }

    /** Images kept as build cache for later builds. */
    public int getCached() {
        return cached;
    }

    public List<String> getFailures() {
        return failures == null ? List.of() : Collections.unmodifiableList(failures);
    }

    public boolean isClean() {
        return getFailures().isEmpty();
    }

    public Duration getDuration() {
        return Duration.ofMillis(durationMillis);
    }

    public String getDurationText() {
        return DisplayText.duration(getDuration());
    }
}
