package io.jenkins.plugins.dockerci.engine.testsupport;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Images tagged with a name a test handed out. Built images carry no labels of ours, so an image a test built under
 * its own tag and forgot escapes the owner's leak check; the unique names it was tagged with do not.
 */
public final class NamedImages {

    private NamedImages() {
    }

    /**
     * Removes the tags that contain any of {@code names} (each unique, so nobody else's tag contains one) and returns
     * them; an image goes with its last tag.
     */
    public static List<String> removeTagged(DockerClient client, Collection<String> names) {
        List<String> removed = new ArrayList<>();
        if (names.isEmpty()) {
            return removed;
        }
        client.listImagesCmd().exec().stream()
                .flatMap(image -> image.getRepoTags() == null ? Stream.<String>empty() : Arrays.stream(image.getRepoTags()))
                .filter(tag -> names.stream().anyMatch(tag::contains))
                .forEach(tag -> {
                    removed.add("image tagged " + tag);
                    try {
                        client.removeImageCmd(tag).exec();
                    } catch (NotFoundException | ConflictException goneOrInUse) {
                        // reported as leaked either way
                    }
                });
        return removed;
    }
}
