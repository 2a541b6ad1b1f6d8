package io.jenkins.plugins.dockerci.engine.testsupport;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The untagged images of classic builds whose Dockerfile has a step carrying a marker unique to one test run (for
 * instance {@code RUN echo built <run id> > /built.txt}): that step's image and every image built on it.
 *
 * <p>Why a test needs this: a classic build cut off by a killed JVM leaves the steps it committed as untagged images
 * with nothing of the run on them (the run tag comes with the build's end, labels of ours never go into a build), so
 * neither cleanup nor the reaper can find them. Only the test that wrote the marker can tell them from other
 * people's images on the shared engine: the marker makes every image from that step on unique to the run.
 */
public final class MarkedBuildSteps {

    private MarkedBuildSteps() {
    }

    /**
     * Removes, newest first and without force, the untagged images created since {@code sinceEpochSecond} whose step
     * or an ancestor's step contains {@code marker}, and names them (id and step); one still in use stays.
     */
    public static List<String> removeUntagged(DockerClient docker, String marker, long sinceEpochSecond) {
        Map<String, Image> recent = new HashMap<>();
        docker.listImagesCmd().withShowAll(true).exec().stream()
                .filter(image -> image.getCreated() != null && image.getCreated() >= sinceEpochSecond)
                .forEach(image -> recent.put(image.getId(), image));
        Map<String, InspectImageResponse> details = new HashMap<>();
        recent.keySet().forEach(id -> inspect(docker, id).ifPresent(info -> details.put(id, info)));
        Set<String> marked = new HashSet<>();
        for (String id : details.keySet()) {
            for (String current = id; current != null && details.containsKey(current); current = recent.get(current).getParentId()) {
                if (step(details.get(current)).contains(marker)) {
                    marked.add(id);
                    break;
                }
            }
        }
        List<InspectImageResponse> untagged = new ArrayList<>();
        marked.stream().map(details::get).filter(info -> info.getRepoTags() == null || info.getRepoTags().isEmpty())
                .forEach(untagged::add);
        untagged.sort(Comparator.comparing(InspectImageResponse::getCreated).reversed());
        List<String> removed = new ArrayList<>();
        for (InspectImageResponse image : untagged) {
            try {
                docker.removeImageCmd(image.getId()).withForce(false).withNoPrune(true).exec();
                removed.add(image.getId().substring("sha256:".length(), "sha256:".length() + 12) + " `" + step(image) + "`");
            } catch (NotFoundException | ConflictException goneOrInUse) {
                // removed meanwhile, or still a parent or in use: not this call's to force
            }
        }
        return removed;
    }

    private static Optional<InspectImageResponse> inspect(DockerClient docker, String id) {
        try {
            return Optional.of(docker.inspectImageCmd(id).exec());
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }

    /** The Dockerfile step that made the image, as the classic builder records it; empty when none is recorded. */
    static String step(InspectImageResponse image) {
        String[] cmd = image.getContainerConfig() == null ? null : image.getContainerConfig().getCmd();
        return cmd == null ? "" : String.join(" ", cmd);
    }
}
