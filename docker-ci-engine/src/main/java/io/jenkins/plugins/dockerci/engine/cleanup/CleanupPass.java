package io.jenkins.plugins.dockerci.engine.cleanup;

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

/**
 * One cleanup of one run: what the ledger recorded, newest first, then whatever still carries the run's labels (a
 * process that died between an intent and its confirmation leaves resources only the labels lead to), kind by kind
 * in dependency order: containers (side by side, up to four at a time), volumes, networks, tags, images.
 */
final class CleanupPass {

    private static final int PARALLEL_CONTAINER_REMOVALS = 4;
    private static final String FOUND_BY_LABEL = "found by its run label; the ledger did not have it";

    private final RunContext run;
    private final CleanupPolicy policy;
    private final Set<String> keep;
    private final LabelledResources labelled;
    private final ResourceRemover remover;
    private final List<RemovalOutcome> outcomes = new ArrayList<>();
    // only touched by the pass's own thread: parallel removals hand their outcomes back to it
    private final Set<String> handled = new HashSet<>();

    CleanupPass(RunContext run, CleanupPolicy policy, Set<String> pushed, LabelledResources labelled,
                ResourceRemover remover) {
        this.run = run;
        this.policy = policy;
        this.keep = policy.keepPushed() ? normalised(pushed) : Set.of();
        this.labelled = labelled;
        this.remover = remover;
    }

    List<RemovalOutcome> run(List<LedgerEntry> ledger) {
        List<LedgerEntry> newestFirst = new ArrayList<>(ledger);
        Collections.reverse(newestFirst);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_CONTAINER_REMOVALS, daemonThreads());
        try {
            for (ResourceKind kind : ResourceKind.values()) {
                recordAll(kind, newestFirst.stream().filter(e -> e.kind() == kind)
                        .<Supplier<RemovalOutcome>>map(e -> () -> fromLedger(e)).toList(), pool);
                recordAll(kind, sweep(kind), pool);
            }
        } finally {
            pool.shutdownNow();
        }
        return outcomes;
    }

    // containers are independent of each other and the slowest to remove (force stops them first): remove them
    // side by side; everything else has dependencies or is fast, so it goes one by one, in order
    private void recordAll(ResourceKind kind, List<Supplier<RemovalOutcome>> removals, ExecutorService pool) {
        if (kind != ResourceKind.CONTAINER || removals.size() < 2) {
            removals.forEach(removal -> record(removal.get()));
            return;
        }
        List<CompletableFuture<RemovalOutcome>> running = removals.stream().map(r -> CompletableFuture.supplyAsync(r, pool)).toList();
        running.forEach(r -> record(r.join()));
    }

    private RemovalOutcome fromLedger(LedgerEntry entry) {
        return switch (entry.kind()) {
            case CONTAINER -> remover.container(entry.reference());
            case VOLUME -> remover.volume(entry.name());
            case NETWORK -> remover.network(entry.reference());
            case TAG -> !policy.removeBuiltImages() ? remover.keptByPolicy(ResourceKind.TAG, entry.name(), entry.id())
                    : keep.contains(normalised(entry.name()))
                    ? new RemovalOutcome(ResourceKind.TAG, entry.name(), entry.id(), Status.KEPT, "pushed; the policy keeps pushed tags")
                    : remover.tag(entry.name(), entry.id());
            case IMAGE -> !policy.removeBuiltImages() ? remover.keptByPolicy(ResourceKind.IMAGE, entry.name(), entry.id())
                    : remover.image(entry.reference(), keep);
        };
    }

    private List<Supplier<RemovalOutcome>> sweep(ResourceKind kind) {
        if (kind == ResourceKind.TAG) {
            return List.of();
        }
        List<LabelledResource> found;
        try {
            found = labelled.list(kind, Map.of(ManagedLabels.MANAGED, "true", ManagedLabels.OWNER, run.ownerId(),
                    ManagedLabels.RUN, run.runId()));
        } catch (RuntimeException e) {
            RemovalOutcome failed = new RemovalOutcome(kind, "(every " + kind.name().toLowerCase(Locale.ROOT) + " labelled with run "
                    + run.runId() + ")", null, Status.FAILED, "listing them failed: " + ResourceRemover.reason(e));
            return List.of(() -> failed);
        }
        return found.stream().filter(resource -> !handled.contains(resource.id()))
                .<Supplier<RemovalOutcome>>map(resource -> () -> switch (kind) {
                    case CONTAINER -> remover.removeContainer(resource.id(), resource.name(), FOUND_BY_LABEL);
                    case VOLUME -> remover.removeVolume(resource.id(), FOUND_BY_LABEL);
                    case NETWORK -> remover.removeNetwork(resource.id(), resource.name(), FOUND_BY_LABEL);
                    case IMAGE -> policy.removeBuiltImages() ? remover.image(resource.id(), keep)
                            : remover.keptByPolicy(ResourceKind.IMAGE, resource.name(), resource.id());
                    case TAG -> throw new IllegalStateException("tags are not listed by label");
                }).toList();
    }

    private ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, "docker-ci-cleanup-" + run.runId() + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private void record(RemovalOutcome outcome) {
        outcomes.add(outcome);
        if (outcome.id() != null) {
            handled.add(outcome.id());
        }
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
