package io.jenkins.plugins.dockerci.engine.cleanup;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import io.jenkins.plugins.dockerci.engine.BuildAttribution;
import io.jenkins.plugins.dockerci.engine.ManagedLabels;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.cleanup.RemovalOutcome.Status;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Releases the images and tags of one run, as {@link BuildAttribution} describes: an image is the run's when it
 * carries the run's tag, or its id is in the run's ledger, or it carries the owner's and run's labels (images built
 * before the run tag existed).
 *
 * <p>Releasing an image: with a {@link BuildCachePolicy} that keeps cache, the image gets the owner's cache tag
 * <em>first</em>, so it never loses its last tag and no layer below it goes; then the run's own tags go. Without
 * cache, the run tag is taken away last, by name and without force: if it was the image's last tag Docker deletes
 * the image and each parent no tag, container or other image needs (the no-cache behaviour of before); if a
 * container still uses the image Docker refuses, the run tag stays and a later cleanup or the reaper tries again.
 * An image another run of the same owner also built (same Dockerfile, same id) carries that run's tag too: then
 * only this run's tags go, and the image stays for the other run.
 *
 * <p>Every method returns an outcome and never throws.
 */
final class RunImages {

    private final DockerClient docker;
    private final RunContext run;
    private final ResourceRemover remover;
    private final String runTag;

    RunImages(DockerClient docker, RunContext run, ResourceRemover remover) {
        this.docker = docker;
        this.run = run;
        this.remover = remover;
        this.runTag = BuildAttribution.runTag(run);
    }

    /** The image the run's tag points at, if any (how a run's image is found without its ledger). */
    Optional<String> taggedImage() {
        try {
            return Optional.of(docker.inspectImageCmd(runTag).exec().getId());
        } catch (NotFoundException none) {
            return Optional.empty();
        }
    }

    /**
     * A tag the run added: untagged when it still points at the image it was put on ({@code imageId}), or, when that
     * id was never recorded, at an image this run built. Never the image's last tag while the run tag is there.
     */
    RemovalOutcome tag(String reference, String imageId) {
        return ResourceRemover.guarded(ResourceKind.TAG, reference, imageId, () -> {
            InspectImageResponse image = docker.inspectImageCmd(reference).exec();
            boolean same = imageId != null ? sameImage(image.getId(), imageId) : builtByRun(image, false);
            if (!same) {
                return new RemovalOutcome(ResourceKind.TAG, reference, image.getId(), Status.KEPT,
                        "it now refers to an image this run did not tag; left alone");
            }
            untag(reference);
            return new RemovalOutcome(ResourceKind.TAG, reference, image.getId(), Status.REMOVED, "");
        });
    }

    /**
     * An image the run built, known by id (a confirmed ledger entry, or found by label or run tag) or by name (an
     * unconfirmed ledger entry: then only if it carries the run tag or run label), reported under {@code name}.
     * {@code keep} are the references the policy keeps (pushed ones).
     */
    RemovalOutcome image(String reference, String name, boolean knownId, Set<String> keep, BuildCachePolicy cache, String detail) {
        return ResourceRemover.guarded(ResourceKind.IMAGE, name, null, () -> {
            InspectImageResponse info = docker.inspectImageCmd(reference).exec();
            if (!builtByRun(info, knownId)) {
                return remover.notOurs(ResourceKind.IMAGE, name, info.getId());
            }
            return release(info, name, keep, cache, detail);
        });
    }

    /** An image the policy keeps with its tags: only the run tag goes, and only when another tag keeps the image. */
    RemovalOutcome keep(String reference) {
        return ResourceRemover.guarded(ResourceKind.IMAGE, reference, null, () -> {
            InspectImageResponse info = docker.inspectImageCmd(reference).exec();
            List<String> tags = tags(info);
            if (builtByRun(info, true) && tags.contains(runTag) && tags.size() > 1) {
                untag(runTag);
            }
            return new RemovalOutcome(ResourceKind.IMAGE, reference, info.getId(), Status.KEPT,
                    "the cleanup policy keeps built images and their tags");
        });
    }

    private RemovalOutcome release(InspectImageResponse info, String name, Set<String> keep, BuildCachePolicy cache,
                                   String detail) {
        String id = info.getId();
        List<String> tags = tags(info);
        boolean legacy = !tags.contains(runTag) && run.runId().equals(labels(info).get(ManagedLabels.RUN));
        String cacheTag = BuildAttribution.cacheTag(run.ownerId(), id);
        boolean caching = cache.keepsCache() && !legacy;
        if (caching && !tags.contains(cacheTag)) {
            docker.tagImageCmd(id, BuildAttribution.cacheRepository(run.ownerId()), cacheTag.substring(cacheTag.lastIndexOf(':') + 1))
                    .withForce(true).exec();
        }
        boolean shared = tags.stream().anyMatch(t -> BuildAttribution.runIdOf(run.ownerId(), t).filter(r -> !r.equals(run.runId())).isPresent());
        List<String> kept = new ArrayList<>();
        List<String> remaining = new ArrayList<>();
        for (String tag : tags) {
            if (tag.equals(runTag) || tag.equals(cacheTag) && caching) {
                continue;
            }
            if (keep.contains(tag)) {
                kept.add(tag);
            } else if (shared || BuildAttribution.isAttributionTag(tag) && !BuildAttribution.isCacheTag(run.ownerId(), tag)) {
                // another run's image too: its tags are that run's to take away
                remaining.add(tag);
            } else {
                untag(tag);
            }
        }
        if (tags.contains(runTag)) {
            untag(runTag);
        } else if (!caching && kept.isEmpty() && remaining.isEmpty()) {
            removeById(id);
        }
        if (!kept.isEmpty()) {
            return new RemovalOutcome(ResourceKind.IMAGE, name, id, Status.KEPT, "pushed as " + String.join(", ", kept));
        }
        if (caching) {
            return new RemovalOutcome(ResourceKind.IMAGE, name, id, Status.CACHED, "tagged " + cacheTag);
        }
        if (!remaining.isEmpty()) {
            return new RemovalOutcome(ResourceKind.IMAGE, name, id, Status.KEPT,
                    "another run or a person still uses it (tagged " + String.join(", ", remaining) + ")");
        }
        return new RemovalOutcome(ResourceKind.IMAGE, name, id, Status.REMOVED, detail);
    }

    /** Attributed to this run: by its run tag, by the id in its ledger, or by the labels of images built before run tags. */
    private boolean builtByRun(InspectImageResponse info, boolean knownId) {
        Map<String, String> labels = labels(info);
        boolean labelledForRun = "true".equals(labels.get(ManagedLabels.MANAGED)) && run.ownerId().equals(labels.get(ManagedLabels.OWNER))
                && run.runId().equals(labels.get(ManagedLabels.RUN));
        return knownId || tags(info).contains(runTag) || labelledForRun;
    }

    private void untag(String tag) {
        try {
            docker.removeImageCmd(tag).withForce(false).exec();
        } catch (NotFoundException alreadyUntagged) {
            // someone else untagged it meanwhile: the goal is reached
        }
    }

    private void removeById(String id) {
        try {
            // no force: an image a container of someone else still uses stays, and the failure says so
            docker.removeImageCmd(id).withForce(false).exec();
        } catch (NotFoundException alreadyGone) {
            // untagging its last tag already deleted it
        }
    }

    private static List<String> tags(InspectImageResponse info) {
        return info.getRepoTags() == null ? List.of()
                : info.getRepoTags().stream().filter(t -> !t.startsWith("<none>")).toList();
    }

    private static Map<String, String> labels(InspectImageResponse info) {
        return info.getConfig() == null || info.getConfig().getLabels() == null ? Map.of() : info.getConfig().getLabels();
    }

    private static boolean sameImage(String a, String b) {
        return strip(a).startsWith(strip(b)) || strip(b).startsWith(strip(a));
    }

    private static String strip(String id) {
        return id.startsWith("sha256:") ? id.substring("sha256:".length()) : id;
    }
}
