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
 * <p>Releasing an image: the run's requested tags go first (the tag lane, from the ledger); a name the run did not add
 * (a pushed tag the policy keeps, another run's run tag, a person's tag: without labels of ours, the image can be one
 * someone else built or tagged) keeps the image, and only the run tag goes. When the run tag is its last name: with a
 * {@link BuildCachePolicy} that keeps cache, the image gets the owner's cache tag <em>first</em>, so it never loses its
 * last name and no layer below it goes, then the run tag goes. Without
 * cache, the run tag is taken away last, by name and without force ({@link LastReference}): if it was the image's
 * last tag Docker deletes the image and each parent no tag, container or other image needs (the no-cache behaviour
 * of before); if a container still uses the image Docker refuses, the run tag stays and a later cleanup or the
 * reaper tries again.
 * An image another run of the same owner also built (same Dockerfile, same id) carries that run's tag too: then
 * only this run's names go, and the image stays for the other run, whose cleanup releases it in turn.
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
        if (!tags.contains(runTag) && run.runId().equals(labels(info).get(ManagedLabels.RUN))) {
            return releaseLabelled(id, name, tags, keep, detail);
        }
        String cacheTag = BuildAttribution.cacheTag(run.ownerId(), id);
        // the run's own requested tags went in the tag lane (from the ledger); whatever other name is left is not this
        // run's to take: a pushed tag the policy keeps, another run's tag, or a person's (an image without labels of
        // ours can be the very image someone else built or tagged, e.g. a base image)
        // another owner's cache tag (another Jenkins, the CLI) is no claim on the image: it is cache, as ours would be
        List<String> otherCaches = tags.stream().filter(t -> BuildAttribution.isCacheTag(t) && !t.equals(cacheTag)).toList();
        List<String> others = tags.stream().filter(t -> !t.equals(runTag) && !t.equals(cacheTag) && !otherCaches.contains(t)).toList();
        if (!others.isEmpty()) {
            if (tags.contains(runTag)) {
                untag(runTag);
            }
            List<String> pushed = others.stream().filter(keep::contains).toList();
            return new RemovalOutcome(ResourceKind.IMAGE, name, id, Status.KEPT, pushed.isEmpty()
                    ? "it keeps other names, which this run did not add: " + String.join(", ", others)
                    : "pushed as " + String.join(", ", pushed));
        }
        if (cache.keepsCache()) {
            if (!tags.contains(cacheTag)) {
                // first the cache tag, then the run tag goes: the image never loses its last name
                docker.tagImageCmd(id, BuildAttribution.cacheRepository(run.ownerId()), cacheTag.substring(cacheTag.lastIndexOf(':') + 1))
                        .withForce(true).exec();
            }
            if (tags.contains(runTag)) {
                untag(runTag);
            }
            return new RemovalOutcome(ResourceKind.IMAGE, name, id, Status.CACHED, "tagged " + cacheTag);
        }
        if (!otherCaches.isEmpty()) {
            for (String ours : List.of(runTag, cacheTag)) {
                if (tags.contains(ours)) {
                    untag(ours);
                }
            }
            return new RemovalOutcome(ResourceKind.IMAGE, name, id, Status.KEPT,
                    "another owner keeps it as build cache: " + String.join(", ", otherCaches));
        }
        if (tags.contains(runTag) && tags.contains(cacheTag)) {
            untag(cacheTag);
        }
        boolean gone = tags.isEmpty() ? removeById(id) : new LastReference(docker).remove(id, tags.contains(runTag) ? runTag : cacheTag);
        return gone ? new RemovalOutcome(ResourceKind.IMAGE, name, id, Status.REMOVED, detail)
                : new RemovalOutcome(ResourceKind.IMAGE, name, id, Status.KEPT, "other images are built on it; they keep it");
    }

    /**
     * An image of an older version, labelled with the run: exclusively the run's, so all its tags but the kept ones go,
     * then the image.
     */
    private RemovalOutcome releaseLabelled(String id, String name, List<String> tags, Set<String> keep, String detail) {
        List<String> kept = new ArrayList<>();
        for (String tag : tags) {
            if (keep.contains(tag)) {
                kept.add(tag);
            } else {
                untag(tag);
            }
        }
        if (!kept.isEmpty()) {
            return new RemovalOutcome(ResourceKind.IMAGE, name, id, Status.KEPT, "pushed as " + String.join(", ", kept));
        }
        removeById(id);
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

    private boolean removeById(String id) {
        try {
            // no force: an image a container of someone else still uses stays, and the failure says so
            docker.removeImageCmd(id).withForce(false).exec();
        } catch (NotFoundException alreadyGone) {
            // untagging its last tag already deleted it
        }
        return true;
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
