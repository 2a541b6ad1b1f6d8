package io.jenkins.plugins.dockerci.engine.testsupport;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import io.jenkins.plugins.dockerci.engine.BuildAttribution;
import io.jenkins.plugins.dockerci.engine.ManagedLabels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What one owner has on the engine, as the tests' leak checks see it: containers, networks and volumes labelled with
 * the owner, images under the owner's run repository or labelled with it (leaks), and the owner's build cache (kept
 * on purpose, removed without counting as a leak). Shared by {@link DockerExtension} and the plugin's tests, whose
 * owner is the Jenkins under test.
 */
public final class OwnerResources {

    private final DockerClient client;
    private final String ownerId;

    public OwnerResources(DockerClient client, String ownerId) {
        this.client = client;
        this.ownerId = ownerId;
    }

    private Map<String, String> ownerFilter() {
        return Map.of(ManagedLabels.OWNER, ownerId);
    }

    /** What the owner left that is not build cache, without removing anything. */
    public List<String> leftovers() {
        List<String> found = new ArrayList<>(labelled(ManagedLabels.OWNER, ownerId));
        tagsIn(BuildAttribution.runRepository(ownerId)).forEach(tag -> found.add("image tagged " + tag));
        return found;
    }

    /**
     * The owner's build cache kept on purpose: its cache images, each with its cache tag. Removing them by that tag,
     * without force, takes the layers below them that nothing else needs (Docker's prune rule).
     */
    public List<String> cacheTags() {
        return tagsIn(BuildAttribution.cacheRepository(ownerId));
    }

    private List<String> tagsIn(String repository) {
        return client.listImagesCmd().withReferenceFilter(repository).exec().stream()
                .flatMap(i -> i.getRepoTags() == null ? Stream.<String>empty() : Arrays.stream(i.getRepoTags()))
                .filter(tag -> tag.startsWith(repository + ":")).toList();
    }

    /**
     * Removes the owner's build cache (what a test kept on purpose); idempotent. A pushed image keeps digest
     * references after its last tag went, so those go too, then the image.
     */
    public void removeCache() {
        for (String tag : cacheTags()) {
            String id = client.inspectImageCmd(tag).exec().getId();
            ignoreMissing(() -> client.removeImageCmd(tag).exec());
            ignoreMissing(() -> {
                var left = client.inspectImageCmd(id).exec();
                if (left.getRepoTags() == null || left.getRepoTags().isEmpty()) {
                    (left.getRepoDigests() == null ? List.<String>of() : left.getRepoDigests())
                            .forEach(digest -> ignoreMissing(() -> client.removeImageCmd(digest).exec()));
                    client.removeImageCmd(id).exec();
                }
            });
        }
    }

    /** The containers, networks, volumes and images labelled {@code label=value} (e.g. a run's), without removing them. */
    public List<String> labelled(String label, String value) {
        List<String> found = new ArrayList<>();
        String labelFilter = label + "=" + value;
        client.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(label, value)).exec()
                .forEach(c -> found.add("container " + String.join(",", c.getNames())));
        client.listNetworksCmd().withFilter("label", List.of(labelFilter)).exec().forEach(n -> found.add("network " + n.getName()));
        var volumes = client.listVolumesCmd().withFilter("label", List.of(labelFilter)).exec().getVolumes();
        if (volumes != null) {
            volumes.forEach(v -> found.add("volume " + v.getName()));
        }
        client.listImagesCmd().withShowAll(true).withLabelFilter(Map.of(label, value)).exec().forEach(i -> found.add("image " + i.getId()));
        return found;
    }

    /** Removes what the owner left (its build cache silently) and names what leaked: everything but the cache. */
    public List<String> removeLeftovers() {
        removeCache();
        List<String> leaked = new ArrayList<>();
        String labelFilter = ManagedLabels.OWNER + "=" + ownerId;
        client.listContainersCmd().withShowAll(true).withLabelFilter(ownerFilter()).exec().forEach(c -> {
            leaked.add("container " + c.getId().substring(0, 12) + " " + String.join(",", c.getNames()));
            ignoreMissing(() -> client.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec());
        });
        client.listNetworksCmd().withFilter("label", List.of(labelFilter)).exec().forEach(n -> {
            leaked.add("network " + n.getName());
            ignoreMissing(() -> client.removeNetworkCmd(n.getId()).exec());
        });
        var volumes = client.listVolumesCmd().withFilter("label", List.of(labelFilter)).exec().getVolumes();
        if (volumes != null) {
            volumes.forEach(v -> {
                leaked.add("volume " + v.getName());
                ignoreMissing(() -> client.removeVolumeCmd(v.getName()).exec());
            });
        }
        tagsIn(BuildAttribution.runRepository(ownerId)).forEach(tag -> {
            leaked.add("image tagged " + tag);
            ignoreMissing(() -> client.removeImageCmd(tag).exec());
        });
        // newest first: a leaked image's labelled parents go with it, and a parent cannot go before its child
        client.listImagesCmd().withShowAll(true).withLabelFilter(ownerFilter()).exec().stream()
                .sorted(Comparator.comparing((Image i) -> i.getCreated() == null ? 0L : i.getCreated()).reversed()).forEach(i -> {
                    leaked.add("image " + i.getId() + (i.getRepoTags() == null ? "" : " " + String.join(",", i.getRepoTags())));
                    ignoreMissing(() -> client.removeImageCmd(i.getId()).withForce(true).exec());
                });
        return leaked;
    }

    private static void ignoreMissing(Runnable removal) {
        try {
            removal.run();
        } catch (NotFoundException | ConflictException goneOrStillAParent) {
            // removed meanwhile (an image goes with its last tag), or the parent of an image of someone else: the
            // leak is reported either way
        }
    }
}
