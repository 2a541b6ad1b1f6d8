package io.jenkins.plugins.dockerci.engine.cleanup;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.List;

/**
 * Takes one name away from an image and, when no other tag is left, the image itself, without force, by Docker's own
 * rules (the image goes with each parent that no tag, container or other image needs).
 *
 * <p>Why not just {@code docker rmi <name>}: when that name is the image's last tag but a pushed image still has
 * digest references ({@code repo@sha256:…}, recorded by every push), Docker untags it, keeps the image and says
 * nothing. Such an untagged image would be invisible to cleanup and to the cache trim forever, so the digest
 * references go too: they are local records of pushes, not names anyone gave the image. An image a container uses
 * is refused with an error, and the name stays (when it was the last tag).
 */
final class LastReference {

    private final DockerClient docker;

    LastReference(DockerClient docker) {
        this.docker = docker;
    }

    /**
     * Removes {@code name} from {@code imageId}, then the image if nothing but digest references is left.
     *
     * @return whether the image is gone; {@code false} when another tag or an image built on it keeps it
     * @throws com.github.dockerjava.api.exception.DockerException when Docker refuses (a container uses the image)
     */
    boolean remove(String imageId, String name) {
        untag(name);
        InspectImageResponse left;
        try {
            left = docker.inspectImageCmd(imageId).exec();
        } catch (NotFoundException gone) {
            return true;
        }
        if (!names(left.getRepoTags()).isEmpty() || hasChildren(left.getId())) {
            // another name, or an image built on it: someone else uses it, and it stays theirs
            return false;
        }
        for (String digest : names(left.getRepoDigests())) {
            untag(digest);
        }
        try {
            docker.removeImageCmd(imageId).withForce(false).exec();
        } catch (NotFoundException goneWithItsLastReference) {
            // removing the last digest reference deleted it
        }
        return true;
    }

    private boolean hasChildren(String imageId) {
        return docker.listImagesCmd().withShowAll(true).exec().stream().anyMatch(image -> imageId.equals(image.getParentId()));
    }

    private void untag(String reference) {
        try {
            docker.removeImageCmd(reference).withForce(false).exec();
        } catch (NotFoundException alreadyGone) {
            // someone else removed it meanwhile: the goal is reached
        }
    }

    private static List<String> names(List<String> references) {
        return references == null ? List.of() : references.stream().filter(r -> !r.startsWith("<none>")).toList();
    }
}
