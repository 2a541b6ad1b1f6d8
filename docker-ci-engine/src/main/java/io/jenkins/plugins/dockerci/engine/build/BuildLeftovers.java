package io.jenkins.plugins.dockerci.engine.build;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Image;
import io.jenkins.plugins.dockerci.engine.ManagedLabels;
import io.jenkins.plugins.dockerci.engine.RunContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes what a failed or stopped build left behind: its intermediate containers and every image it committed,
 * including the ones committed after its output stopped being read.
 *
 * <p>Why the late ones exist: closing the response only cancels the build between steps, so the step in progress is
 * still committed. That image is not in the log we read and carries none of the run's attribution: the run tag is
 * applied only when the build completes, and the classic builder applies the labels the request asks for as
 * {@code LABEL} steps of their own at the very end, so an image committed mid-build carries no trace of the run.
 * Neither cleanup by run nor the orphan reaper would ever find it, so the builder lets the engine settle and
 * removes the images that descend from the ones this build committed.
 *
 * <p>Only images provably made by this build are touched: images named as committed in its log (not the base image,
 * not cache hits, which other builds share), images committed from one of its logged containers, and untagged
 * descendants of those that carry no other owner's or run's label. They are removed children first, without force,
 * so an image something else still uses stays.
 */
final class BuildLeftovers {

    private static final Duration POLL = Duration.ofMillis(200);
    // the step in progress is a metadata commit of a few milliseconds; the engine has settled when nothing new
    // appeared for this long
    private static final Duration QUIET = Duration.ofMillis(1200);
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(5);
    // image creation times are whole seconds of the engine's clock
    private static final long CREATED_SLACK_SECONDS = 2;

    private final DockerClient docker;
    private final RunContext run;
    private final long startedEpochSecond;

    BuildLeftovers(DockerClient docker, RunContext run, long startedEpochSecond) {
        this.docker = docker;
        this.run = run;
        this.startedEpochSecond = startedEpochSecond;
    }

    /** Removes what the build made, right away: it ended on the engine's side, so nothing more will appear. */
    void removeFinished(BuildLog lines) {
        removeContainers(lines);
        removeImages(find(lines, new HashMap<>()));
    }

    /**
     * Removes what the build made after it was cut off while still running: polls until the step in progress is
     * over (its image appeared, or its container is gone without one) and no new image of the build has appeared for
     * a moment, bounded by a few seconds, removing each image as it appears. A new interrupt ends the wait early and
     * is kept.
     */
    void removeStopped(BuildLog lines) {
        Map<String, Boolean> committedFrom = new HashMap<>();
        Set<String> seen = new HashSet<>();
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        long quietSince = System.nanoTime();
        // a started step is finished by the engine: a slow engine may commit it long after the response closed
        boolean stepPending = lines.stepInProgress();
        boolean interrupted = false;
        while (!interrupted) {
            List<Image> found = find(lines, committedFrom);
            List<Image> fresh = found.stream().filter(image -> seen.add(image.getId())).toList();
            if (!fresh.isEmpty()) {
                quietSince = System.nanoTime();
            }
            if (fresh.stream().anyMatch(image -> !isLogged(image, lines.createdImages()))) {
                // an image the output never named: the step in progress committed it
                stepPending = false;
            }
            if (stepPending && lines.stepContainer() != null && !containerExists(lines.stepContainer())) {
                // its image, if it committed one, was there before its container went: the next look finds it
                stepPending = false;
                quietSince = System.nanoTime();
            } else if (!stepPending) {
                // not while a step is pending: the engine may still commit onto its parent, and an image committed
                // onto a removed parent has no parent at all, so nothing would lead to it
                removeImages(found);
            }
            long now = System.nanoTime();
            if (!stepPending && now - quietSince >= QUIET.toNanos() || now >= deadline) {
                break;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        removeContainers(lines);
        removeImages(find(lines, committedFrom));
        // restored only now: the calls above must not meet a pending interrupt, or the removal itself would fail
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean containerExists(String id) {
        try {
            docker.inspectContainerCmd(id).exec();
            return true;
        } catch (DockerException goneOrUnreachable) {
            return false;
        }
    }

    private void removeContainers(BuildLog lines) {
        for (String container : lines.containers()) {
            quietly(() -> docker.removeContainerCmd(container).withForce(true).withRemoveVolumes(true).exec());
        }
    }

    /** This build's images that still exist, children before their parents. */
    private List<Image> find(BuildLog lines, Map<String, Boolean> committedFrom) {
        // when the engine does not answer, the build's own failure is what the caller must hear about
        Map<String, Image> byId = allImages(docker);
        Collection<Image> all = byId.values();
        Set<String> ours = new HashSet<>();
        for (Image image : all) {
            if (isLogged(image, lines.createdImages()) || isCommittedFromOurContainer(image, lines, committedFrom)) {
                ours.add(image.getId());
            }
        }
        Map<String, Integer> depth = new HashMap<>();
        for (Image image : all) {
            int levels = levelsBelowOurs(image, byId, ours);
            if (levels >= 0 && (ours.contains(image.getId()) || isUnclaimedStray(image))) {
                depth.put(image.getId(), levels);
            }
        }
        List<Image> found = new ArrayList<>();
        depth.keySet().forEach(id -> found.add(byId.get(id)));
        found.sort(Comparator.comparing((Image image) -> depth.get(image.getId())).reversed());
        return found;
    }

    /** Every image of the engine, intermediate ones included, by id; none when the engine does not answer. */
    static Map<String, Image> allImages(DockerClient docker) {
        Map<String, Image> byId = new LinkedHashMap<>();
        try {
            docker.listImagesCmd().withShowAll(true).exec().forEach(image -> byId.put(image.getId(), image));
        } catch (DockerException unreachable) {
            return Map.of();
        }
        return byId;
    }

    /** How many parents lie between the image and the nearest image of ours (0: it is ours), or -1 if none. */
    private static int levelsBelowOurs(Image image, Map<String, Image> byId, Set<String> ours) {
        int levels = 0;
        Set<String> seen = new HashSet<>();
        for (Image current = image; current != null && seen.add(current.getId()); current = byId.get(current.getParentId())) {
            if (ours.contains(current.getId())) {
                return levels;
            }
            levels++;
        }
        return -1;
    }

    private static boolean isLogged(Image image, List<String> shortIds) {
        String hex = hex(image.getId());
        return shortIds.stream().anyMatch(hex::startsWith);
    }

    /** Whether the engine committed the image from an intermediate container the log named (checked once per image). */
    private boolean isCommittedFromOurContainer(Image image, BuildLog lines, Map<String, Boolean> committedFrom) {
        List<String> containers = lines.containers();
        if (containers.isEmpty() || isTagged(image) || image.getCreated() == null
                || image.getCreated() < startedEpochSecond - CREATED_SLACK_SECONDS) {
            return false;
        }
        return committedFrom.computeIfAbsent(image.getId(), id -> {
            try {
                String container = docker.inspectImageCmd(id).exec().getContainer();
                return container != null && containers.stream().anyMatch(container::startsWith);
            } catch (DockerException gone) {
                return false;
            }
        });
    }

    /** A descendant of our image that no tag, other owner or other run claims. */
    private boolean isUnclaimedStray(Image image) {
        Map<String, String> labels = image.getLabels() == null ? Map.of() : image.getLabels();
        return !isTagged(image)
                && run.ownerId().equals(labels.getOrDefault(ManagedLabels.OWNER, run.ownerId()))
                && run.runId().equals(labels.getOrDefault(ManagedLabels.RUN, run.runId()));
    }

    /** Whether any name but {@code <none>:<none>} refers to the image. */
    static boolean isTagged(Image image) {
        String[] tags = image.getRepoTags();
        if (tags == null) {
            return false;
        }
        for (String tag : tags) {
            if (!"<none>:<none>".equals(tag)) {
                return true;
            }
        }
        return false;
    }

    private void removeImages(List<Image> images) {
        for (Image image : images) {
            quietly(() -> docker.removeImageCmd(image.getId()).withNoPrune(true).exec());
        }
    }

    static String hex(String imageId) {
        return imageId.startsWith("sha256:") ? imageId.substring(7) : imageId;
    }

    private static void quietly(Runnable removal) {
        try {
            removal.run();
        } catch (DockerException goneOrInUse) {
            // already removed by the engine, or still used by another image or container (then it is not ours to remove)
        }
    }
}
