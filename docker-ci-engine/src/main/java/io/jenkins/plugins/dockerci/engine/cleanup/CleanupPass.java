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
import java.util.Map;
import java.util.Set;

/**
 * One cleanup of one run: what the ledger recorded, newest first, then whatever still carries the run's labels (a
 * process that died between an intent and its confirmation leaves resources only the labels lead to), kind by kind
 * in dependency order: containers, volumes, networks, tags, images.
 */
final class CleanupPass {

    private static final String FOUND_BY_LABEL = "found by its run label; the ledger did not have it";

    private final RunContext run;
    private final CleanupPolicy policy;
    private final Set<String> keep;
    private final LabelledResources labelled;
    private final ResourceRemover remover;
    private final List<RemovalOutcome> outcomes = new ArrayList<>();
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
        for (ResourceKind kind : ResourceKind.values()) {
            for (LedgerEntry entry : newestFirst) {
                if (entry.kind() == kind) {
                    record(fromLedger(entry));
                }
            }
            sweep(kind);
        }
        return outcomes;
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

    private void sweep(ResourceKind kind) {
        if (kind == ResourceKind.TAG) {
            return;
        }
        List<LabelledResource> found;
        try {
            found = labelled.list(kind, Map.of(ManagedLabels.OWNER, run.ownerId(), ManagedLabels.RUN, run.runId()));
        } catch (RuntimeException e) {
            record(new RemovalOutcome(kind, "(every " + kind.name().toLowerCase(java.util.Locale.ROOT) + " labelled with run "
                    + run.runId() + ")", null, Status.FAILED, "listing them failed: " + ResourceRemover.reason(e)));
            return;
        }
        for (LabelledResource resource : found) {
            if (handled.contains(resource.id())) {
                continue;
            }
            record(switch (kind) {
                case CONTAINER -> remover.removeContainer(resource.id(), resource.name(), FOUND_BY_LABEL);
                case VOLUME -> remover.removeVolume(resource.id(), FOUND_BY_LABEL);
                case NETWORK -> remover.removeNetwork(resource.id(), resource.name(), FOUND_BY_LABEL);
                case IMAGE -> policy.removeBuiltImages() ? remover.image(resource.id(), keep)
                        : remover.keptByPolicy(ResourceKind.IMAGE, resource.name(), resource.id());
                case TAG -> throw new IllegalStateException("tags are not listed by label");
            });
        }
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
