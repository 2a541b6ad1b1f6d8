package io.jenkins.plugins.dockerci.engine.testsupport;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Dangling images ({@code <none>:<none>}) a test class left behind, by a rule that cannot blame anyone else's image on
 * a shared engine: an image is this class's leak when it
 * <ol>
 *   <li>was given a tag of this class while the class ran (one of its handed-out names, its owner's run or cache
 *       tags: unique to the class), so the class made or named it;</li>
 *   <li>did not exist when the class started;</li>
 *   <li>has no tag left, no image built on it, and Docker removes it without force (no container uses it): nobody,
 *       this class or another, can still need it.</li>
 * </ol>
 * That is the image whose name a second build took over, or whose tag a test removed while the image stayed. Dangling
 * images nothing ties to one class (the other stages of a classic build, the steps of a build cut off by a killed
 * JVM) are not caught: other developers build the same base images on this engine at the same time, and such images
 * carry nothing of the class that made them.
 */
final class DanglingImages {

    private DanglingImages() {
    }

    /** The ids of every image on the engine now, intermediate ones included. */
    static Set<String> present(DockerClient client) {
        return client.listImagesCmd().withShowAll(true).exec().stream().map(Image::getId).collect(Collectors.toSet());
    }

    /**
     * Removes the leaked dangling images among {@code tagged} (image id to the class's tags it was given), newest
     * first, and describes each: its id, the tags it had, when it was created and the Dockerfile step that made it.
     */
    static List<String> removeLeaked(DockerClient client, Set<String> presentBefore, Map<String, Set<String>> tagged) {
        Set<String> parents = new HashSet<>();
        client.listImagesCmd().withShowAll(true).exec().forEach(image -> parents.add(image.getParentId()));
        List<InspectImageResponse> candidates = new ArrayList<>();
        for (String id : tagged.keySet()) {
            if (presentBefore.contains(id) || parents.contains(id)) {
                continue;
            }
            try {
                InspectImageResponse image = client.inspectImageCmd(id).exec();
                if (image.getRepoTags() == null || image.getRepoTags().isEmpty()) {
                    candidates.add(image);
                }
            } catch (NotFoundException removed) {
                // gone with its last tag: what should happen
            }
        }
        candidates.sort(Comparator.comparing(InspectImageResponse::getCreated, Comparator.nullsFirst(Comparator.naturalOrder())).reversed());
        List<String> leaked = new ArrayList<>();
        for (InspectImageResponse image : candidates) {
            try {
                client.removeImageCmd(image.getId()).withForce(false).exec();
                leaked.add(describe(image, tagged.get(image.getId())));
            } catch (NotFoundException | ConflictException goneOrInUse) {
                // removed meanwhile, or something still uses it: then it is not left over
            }
        }
        return leaked;
    }

    private static String describe(InspectImageResponse image, Set<String> tags) {
        return "dangling image " + image.getId().substring("sha256:".length(), "sha256:".length() + 12) + " (once tagged "
                + String.join(", ", tags.stream().sorted().toList()) + "; created " + image.getCreated() + " by " + step(image) + ")";
    }

    /** The Dockerfile step that made the image, as the classic builder records it, else the image's command. */
    private static String step(InspectImageResponse image) {
        String step = MarkedBuildSteps.step(image);
        if (step.isEmpty() && image.getConfig() != null && image.getConfig().getCmd() != null) {
            step = String.join(" ", image.getConfig().getCmd());
        }
        return step.isEmpty() ? "no recorded step" : "`" + step + "`";
    }
}
