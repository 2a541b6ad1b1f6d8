package io.jenkins.plugins.dockerci.engine.cleanup;

import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Image;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.ManagedLabels;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.docker.Uninterruptibly;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Finds and removes what runs of one owner left behind when they could not clean up (the JVM was killed, the agent
 * lost power): everything labelled with the owner whose run is not active any more and whose newest resource is
 * older than a grace period.
 *
 * <p>Only ever looks at resources carrying {@link ManagedLabels#MANAGED} and the given owner: unlabelled resources
 * and other owners' are never listed, so never removed. A run is judged as a whole: if any of its resources is
 * younger than the grace period the run may still be starting, so none of it is touched.
 *
 * <p>Built images carry no labels of ours (see {@link io.jenkins.plugins.dockerci.engine.BuildAttribution}): a
 * run's image is found by the owner's run tag, and the reaper treats it as cleanup does (kept as build cache or
 * removed, by the policy).
 * Each pass ends with a trim of the owner's build cache to the policy's {@link BuildCachePolicy bound}, so a killed
 * run's image left as cache is bounded like any other; {@link #reapWithCache} reports what was kept and pruned.
 *
 * <p>Docker copies an image's labels into containers and images made from it. A container someone else runs from
 * an image a run kept with the labels of older versions is recognised and left alone (see {@code
 * LabelledResources.inherited}); images built now carry no labels of ours, so nothing made from them does. Give the
 * reaper the same policy as cleanup, so that images a run kept are never reaped.
 */
public final class OrphanReaper {

    private final Cleaner cleaner;
    private final CleanupPolicy policy;
    private final LogSink log;
    private final Clock clock;
    private final LabelledResources labelled;

    /**
     * @param cleaner removes each orphaned run
     * @param policy  what to do with the images of orphaned runs; nothing is known to be pushed here
     */
    public OrphanReaper(Cleaner cleaner, CleanupPolicy policy, LogSink log, Clock clock) {
        this.cleaner = Objects.requireNonNull(cleaner, "cleaner");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.labelled = new LabelledResources(cleaner.docker());
    }

    /**
     * Lists what {@link #reap} would remove, without removing anything (images only if the policy removes them).
     *
     * @param owner       whose resources to look at
     * @param isRunActive whether a run id is still running (its resources are never touched); if it throws, the
     *                    run counts as active
     * @param grace       how old a run's newest resource must be before the run counts as orphaned
     */
    public List<LabelledResource> dryRun(String owner, Predicate<String> isRunActive, Duration grace) {
        Instant cutoff = clock.instant().minus(grace);
        List<LabelledResource> orphans = new ArrayList<>();
        byRun(owner).forEach((runId, resources) -> {
            Instant newest = resources.stream().map(LabelledResource::created).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
            List<LabelledResource> removable = resources.stream()
                    .filter(r -> r.kind() != ResourceKind.IMAGE || policy.removeBuiltImages()).toList();
            if (!removable.isEmpty() && !newest.isAfter(cutoff) && !active(isRunActive, runId)) {
                orphans.addAll(removable);
            }
        });
        return orphans;
    }

    /**
     * Removes the resources {@link #dryRun} lists, run by run, then holds the owner's build cache to the policy (see
     * {@link #reapWithCache}, which also returns what that kept and pruned). Never throws.
     */
    public List<CleanupReport> reap(String owner, Predicate<String> isRunActive, Duration grace) {
        return reapWithCache(owner, isRunActive, grace).runs();
    }

    /**
     * What one reaper pass did: the orphaned runs it cleaned up and the trim of the owner's build cache.
     *
     * @param runs  one report per orphaned run
     * @param cache what the build cache keeps on purpose and what the policy pruned; {@code null} when the policy
     *              keeps built images (nothing of them is cache then)
     */
    public record Result(List<CleanupReport> runs, BuildCacheReport cache) {

        public Result {
            runs = List.copyOf(runs);
        }
    }

    /** Like {@link #reap}, returning the build cache's report as well. Never throws. */
    public Result reapWithCache(String owner, Predicate<String> isRunActive, Duration grace) {
        return reapWithCache(owner, isRunActive, grace, runId -> Optional.empty());
    }

    /**
     * Like {@link #reapWithCache(String, Predicate, Duration)}, using the ledger of an orphaned run when the caller
     * still has it (the CLI's state folder, a Jenkins build's directory). Without it only the run's labels and run tag
     * lead to what it made, and the tags it asked for stay: a name on an image without labels of ours may be a
     * person's. Never throws; a ledger that cannot be read counts as missing.
     *
     * @param ledgers the ledger of a run id, if the caller keeps one
     */
    public Result reapWithCache(String owner, Predicate<String> isRunActive, Duration grace,
                                Function<String, Optional<ResourceLedger>> ledgers) {
        List<CleanupReport> reports = reapRuns(owner, isRunActive, grace, ledgers);
        BuildCacheReport cache = policy.removeBuiltImages() ? cleaner.trimBuildCache(owner, policy.buildCache(), false) : null;
        return new Result(reports, cache);
    }

    /** What a trim of the owner's build cache would keep and prune, without removing anything. Never throws. */
    public BuildCacheReport dryRunBuildCache(String owner) {
        return cleaner.trimBuildCache(owner, policy.buildCache(), true);
    }

    private List<CleanupReport> reapRuns(String owner, Predicate<String> isRunActive, Duration grace,
                                         Function<String, Optional<ResourceLedger>> ledgers) {
        List<CleanupReport> reports = new ArrayList<>();
        List<LabelledResource> orphans;
        try {
            orphans = dryRun(owner, isRunActive, grace);
        } catch (RuntimeException e) {
            log.warn("Orphan reaper: cannot list the Docker resources of owner " + owner + ": " + ResourceRemover.reason(e)
                    + ". Nothing was removed; the next reaper run tries again.");
            return reports;
        }
        orphans.stream().map(LabelledResource::runId).distinct().forEach(runId -> {
            try {
                RunContext run = new RunContext(owner, runId);
                reports.add(ledgerOf(ledgers, run).map(ledger -> cleaner.clean(ledger, policy)).orElseGet(() -> reapRun(run)));
            } catch (IllegalArgumentException e) {
                log.warn("Orphan reaper: skipped resources labelled with run id '" + runId + "', which is not a valid run id: " + e.getMessage());
            }
        });
        if (policy.removeBuiltImages()) {
            removeAbortedBuildLayers(owner, clock.instant().minus(grace));
        }
        return reports;
    }

    /**
     * Older versions gave the classic builder the run labels, which it applies one step each: a build killed during
     * those steps (its process gone, nobody left to clean up) left an untagged image with only some of the labels,
     * which no run's cleanup can find. Such a dangling image (untagged and no other image's parent) that names this
     * owner but no run is removed once older than the grace period. One without the owner label is left alone: it
     * may just as well be a build of someone else that is between two label steps at this very moment.
     */
    private void removeAbortedBuildLayers(String owner, Instant cutoff) {
        try {
            Uninterruptibly.call("docker-ci-reaper-layers-" + owner, () -> {
                for (Image image : cleaner.docker().listImagesCmd().withDanglingFilter(true).exec()) {
                    if (isAbortedBuildLayer(image, owner) && image.getCreated() != null
                            && !Instant.ofEpochSecond(image.getCreated()).isAfter(cutoff)) {
                        removeQuietly(image.getId());
                    }
                }
                return Boolean.TRUE;
            });
        } catch (RuntimeException e) {
            log.warn("Orphan reaper: cannot list dangling images: " + ResourceRemover.reason(e) + "; the next reaper run tries again.");
        }
    }

    static boolean isAbortedBuildLayer(Image image, String owner) {
        Map<String, String> labels = image.getLabels() == null ? Map.of() : image.getLabels();
        // an image without the owner label may be anyone's build between two label steps right now
        return owner.equals(labels.get(ManagedLabels.OWNER)) && !labels.containsKey(ManagedLabels.RUN);
    }

    private void removeQuietly(String imageId) {
        try {
            cleaner.docker().removeImageCmd(imageId).exec();
            log.info("Orphan reaper: removed image " + imageId + " left by an aborted build");
        } catch (DockerException goneOrInUse) {
            // removed meanwhile, or the parent of something: then it is not garbage after all
        }
    }

    private Optional<ResourceLedger> ledgerOf(Function<String, Optional<ResourceLedger>> ledgers, RunContext run) {
        try {
            return ledgers.apply(run.runId()).filter(ledger -> ledger.run().equals(run));
        } catch (RuntimeException unreadable) {
            log.warn("Orphan reaper: the ledger of run " + run.runId() + " cannot be read (" + unreadable.getMessage()
                    + "); its resources are found by label and run tag instead.");
            return Optional.empty();
        }
    }

    /** Removes everything labelled with a run that is known to be over. Never throws. */
    public CleanupReport reapRun(RunContext run) {
        return cleaner.cleanupRun(run, policy);
    }

    private Map<String, List<LabelledResource>> byRun(String owner) {
        return Uninterruptibly.call("docker-ci-reaper-" + owner, () -> listByRun(owner));
    }

    private Map<String, List<LabelledResource>> listByRun(String owner) {
        Map<String, String> filter = Map.of(ManagedLabels.MANAGED, "true", ManagedLabels.OWNER, owner);
        Map<String, List<LabelledResource>> byRun = new LinkedHashMap<>();
        List<LabelledResource> found = new ArrayList<>();
        for (ResourceKind kind : ResourceKind.values()) {
            found.addAll(labelled.list(kind, filter));
        }
        found.addAll(labelled.runTaggedImages(owner));
        for (LabelledResource resource : found) {
            if (resource.runId() != null) {
                byRun.computeIfAbsent(resource.runId(), r -> new ArrayList<>()).add(resource);
            }
        }
        return byRun;
    }

    private boolean active(Predicate<String> isRunActive, String runId) {
        try {
            return isRunActive.test(runId);
        } catch (RuntimeException e) {
            log.warn("Orphan reaper: cannot tell whether run " + runId + " is still active (" + e
                    + "); its resources are left alone this time.");
            return true;
        }
    }
}
