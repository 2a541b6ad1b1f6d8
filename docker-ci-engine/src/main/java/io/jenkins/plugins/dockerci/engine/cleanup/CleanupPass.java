package io.jenkins.plugins.dockerci.engine.cleanup;

import io.jenkins.plugins.dockerci.engine.BuildAttribution;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.ManagedLabels;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.cleanup.RemovalOutcome.Status;
import io.jenkins.plugins.dockerci.engine.image.ImageReference;
import io.jenkins.plugins.dockerci.engine.ledger.LedgerEntry;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One cleanup of one run: what the ledger recorded, newest first, then whatever still carries the run's labels (a
 * process that died between an intent and its confirmation leaves resources only the labels lead to), kind by kind
 * in dependency order: containers first, then volumes, networks and tags-then-images.
 */
final class CleanupPass {

    private static final int THREADS = 4;
    private static final Pattern HEX_ID = Pattern.compile("[0-9a-f]{12,64}");
    private static final String FOUND_BY_LABEL = "found by its run label; the ledger did not have it";
    private static final String FOUND_BY_RUN_TAG = "found by its run tag; the ledger did not have it";

    private final RunContext run;
    private final CleanupPolicy policy;
    private final Set<String> keep;
    private final LabelledResources labelled;
    private final ResourceRemover remover;
    private final RunImages images;

    CleanupPass(RunContext run, CleanupPolicy policy, Set<String> pushed, LabelledResources labelled,
                ResourceRemover remover, RunImages images) {
        this.run = run;
        this.policy = policy;
        this.keep = policy.keepPushed() ? normalised(pushed) : Set.of();
        this.labelled = labelled;
        this.remover = remover;
        this.images = images;
    }

    /** The outcomes in the order of the report: containers, volumes, networks, tags, images. */
    List<RemovalOutcome> run(List<LedgerEntry> ledger) {
        List<LedgerEntry> newestFirst = new ArrayList<>(ledger);
        Collections.reverse(newestFirst);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, daemonThreads());
        try {
            // containers hold on to volumes, networks and images, so they go first, side by side (they are
            // independent of each other and the slowest to remove); after them each remaining lane depends only on
            // itself, so volumes, networks and tags-then-images go side by side too
            List<RemovalOutcome> outcomes = new ArrayList<>(lane(List.of(ResourceKind.CONTAINER), newestFirst, pool));
            List<CompletableFuture<List<RemovalOutcome>>> lanes = Stream.of(List.of(ResourceKind.VOLUME),
                            List.of(ResourceKind.NETWORK), List.of(ResourceKind.TAG, ResourceKind.IMAGE))
                    .map(kinds -> CompletableFuture.supplyAsync(() -> lane(kinds, newestFirst, null), pool)).toList();
            lanes.forEach(lane -> outcomes.addAll(lane.join()));
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The ledger's entries of {@code kinds}, then what else carries the run label; side by side on {@code pool} if given. */
    private List<RemovalOutcome> lane(List<ResourceKind> kinds, List<LedgerEntry> newestFirst, ExecutorService pool) {
        List<RemovalOutcome> outcomes = new ArrayList<>();
        Set<String> handled = new HashSet<>();
        for (ResourceKind kind : kinds) {
            runAll(newestFirst.stream().filter(e -> e.kind() == kind).<Supplier<RemovalOutcome>>map(e -> () -> fromLedger(e)).toList(),
                    pool, outcomes, handled);
            runAll(sweep(kind, handled), pool, outcomes, handled);
        }
        return outcomes;
    }

    private static void runAll(List<Supplier<RemovalOutcome>> removals, ExecutorService pool, List<RemovalOutcome> outcomes,
                               Set<String> handled) {
        List<RemovalOutcome> done = pool == null || removals.size() < 2 ? removals.stream().map(Supplier::get).toList()
                : removals.stream().map(r -> CompletableFuture.supplyAsync(r, pool)).toList().stream().map(CompletableFuture::join).toList();
        for (RemovalOutcome outcome : done) {
            outcomes.add(outcome);
            if (outcome.id() != null) {
                handled.add(handledKey(outcome.kind(), outcome.id()));
            }
        }
    }

    private RemovalOutcome fromLedger(LedgerEntry entry) {
        return switch (entry.kind()) {
            case CONTAINER -> remover.container(entry.reference());
            case VOLUME -> remover.volume(entry.name());
            case NETWORK -> remover.network(entry.reference());
            case TAG -> !policy.removeBuiltImages() ? keptByPolicy(ResourceKind.TAG, entry.name(), entry.id())
                    : keep.contains(normalised(entry.name()))
                    ? new RemovalOutcome(ResourceKind.TAG, entry.name(), entry.id(), Status.KEPT, "pushed; the policy keeps pushed tags")
                    : images.tag(entry.name(), entry.id());
            case IMAGE -> image(entry.reference(), entry.name(), entry.confirmed(), "");
        };
    }

    private RemovalOutcome image(String reference, String name, boolean knownId, String detail) {
        return policy.removeBuiltImages() ? images.image(reference, name, knownId, keep, policy.buildCache(), detail)
                : images.keep(reference);
    }

    private static RemovalOutcome keptByPolicy(ResourceKind kind, String name, String id) {
        return new RemovalOutcome(kind, name, id, Status.KEPT, "the cleanup policy keeps built images and their tags");
    }

    private List<Supplier<RemovalOutcome>> sweep(ResourceKind kind, Set<String> handled) {
        if (kind == ResourceKind.TAG) {
            return List.of();
        }
        List<LabelledResource> found;
        try {
            found = new ArrayList<>(labelled.list(kind, Map.of(ManagedLabels.MANAGED, "true", ManagedLabels.OWNER, run.ownerId(),
                    ManagedLabels.RUN, run.runId())));
            if (kind == ResourceKind.IMAGE) {
                // images carry the run in their run tag, not in a label (see BuildAttribution)
                images.taggedImage().ifPresent(id -> found.add(new LabelledResource(kind, id, BuildAttribution.runTag(run),
                        Map.of(ManagedLabels.RUN, run.runId()))));
            }
        } catch (RuntimeException e) {
            RemovalOutcome failed = new RemovalOutcome(kind, "(every " + kind.name().toLowerCase(Locale.ROOT) + " labelled with run "
                    + run.runId() + ")", null, Status.FAILED, "listing them failed: " + ResourceRemover.reason(e));
            return List.of(() -> failed);
        }
        return found.stream().filter(resource -> !handled.contains(handledKey(kind, resource.id())))
                .<Supplier<RemovalOutcome>>map(resource -> () -> switch (kind) {
                    case CONTAINER -> remover.removeContainer(resource.id(), resource.name(), FOUND_BY_LABEL);
                    case VOLUME -> remover.removeVolume(resource.id(), FOUND_BY_LABEL);
                    case NETWORK -> remover.removeNetwork(resource.id(), resource.name(), FOUND_BY_LABEL);
                    case IMAGE -> image(resource.id(), resource.name(), false,
                            resource.name().equals(BuildAttribution.runTag(run)) ? FOUND_BY_RUN_TAG : FOUND_BY_LABEL);
                    case TAG -> throw new IllegalStateException("tags are not listed by label");
                }).toList();
    }

    /**
     * What was handled, by kind: a tag's outcome carries the id of its image, which must not count as the image handled
     * (an image found by its run tag after the run's requested tag was removed is still to be released).
     */
    private static String handledKey(ResourceKind kind, String id) {
        return kind + " " + key(id);
    }

    // the same resource may be known by its full id (listing) and by a short one (what a build returned)
    private static String key(String id) {
        String hex = id.startsWith("sha256:") ? id.substring("sha256:".length()) : id;
        return HEX_ID.matcher(hex).matches() ? hex.substring(0, 12) : id;
    }

    private ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, "docker-ci-cleanup-" + run.runId() + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static Set<String> normalised(Set<String> references) {
        Set<String> result = new HashSet<>();
        references.forEach(r -> result.add(normalised(r)));
        return result;
    }

    // Docker lists tags in their familiar form with the tag spelled out: "app:latest", "127.0.0.1:5000/team/app:1"
    private static String normalised(String reference) {
        try {
            ImageReference parsed = ImageReference.parse(reference);
            return parsed.familiarName() + ":" + parsed.tagOrLatest();
        } catch (InvalidRequestException notAReference) {
            return reference;
        }
    }
}
