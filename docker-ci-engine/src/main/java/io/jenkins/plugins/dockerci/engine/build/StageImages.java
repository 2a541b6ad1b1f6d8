package io.jenkins.plugins.dockerci.engine.build;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Image;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The images a successful classic multi-stage build committed for its other stages: the last image of each stage
 * that the built image does not descend from (a stage the target does not use, or one it only copies files from).
 *
 * <p>Why they matter: the classic builder runs every stage and leaves each stage's result as an untagged image (its
 * layer cache for the next build). Nothing tags or labels them, so neither cleanup by run tag nor the build cache's
 * bound would ever see them: every build without cache of a multi-stage Dockerfile would leave more dangling images
 * on the Docker host. Recorded with the run, cleanup treats them as it treats the built image: kept under the owner's
 * cache tag (and so bounded by its {@code BuildCachePolicy}) or removed.
 *
 * <p>Only images this build committed count (its log names them; a cache hit is an image an earlier build made, and
 * that build's cleanup answers for it), and of those only the untagged ones no other of them is built on (removing
 * one takes the stage's untagged parents with it; keeping one keeps them).
 */
final class StageImages {

    private final DockerClient docker;

    StageImages(DockerClient docker) {
        this.docker = docker;
    }

    /**
     * The full ids of the stage images, oldest stage first; empty for a single-stage build, or when the engine
     * cannot list its images (then the stages stay behind as with {@code docker build}, and the build still succeeds).
     *
     * @param committed the (short) ids of the images the build's log says it committed, oldest first
     * @param builtId   the full id of the image the build produced
     */
    List<String> of(List<String> committed, String builtId) {
        if (committed.isEmpty()) {
            return List.of();
        }
        Map<String, Image> byId = BuildLeftovers.allImages(docker);
        Set<String> builtChain = new HashSet<>();
        Image current = byId.get(builtId);
        while (current != null && builtChain.add(current.getId())) {
            current = byId.get(current.getParentId());
        }
        List<String> candidates = new ArrayList<>();
        for (String shortId : committed) {
            byId.values().stream().filter(image -> BuildLeftovers.hex(image.getId()).startsWith(shortId)).findFirst()
                    .filter(image -> !builtChain.contains(image.getId()) && !BuildLeftovers.isTagged(image))
                    .ifPresent(image -> candidates.add(image.getId()));
        }
        Set<String> parents = new HashSet<>();
        candidates.forEach(id -> parents.add(byId.get(id).getParentId()));
        return candidates.stream().filter(id -> !parents.contains(id)).toList();
    }
}
