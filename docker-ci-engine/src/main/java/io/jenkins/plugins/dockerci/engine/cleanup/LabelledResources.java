package io.jenkins.plugins.dockerci.engine.cleanup;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Network;
import io.jenkins.plugins.dockerci.engine.BuildAttribution;
import io.jenkins.plugins.dockerci.engine.ManagedLabels;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Lists what carries a set of labels, one kind at a time; the engine filters, so nothing else is ever seen. */
final class LabelledResources {

    /** How long after its labels' created time a container may have been created and still be labelled by the engine. */
    static final Duration INHERITANCE_SLACK = Duration.ofMinutes(1);
    private static final List<String> RUN_LABELS = List.of(ManagedLabels.OWNER, ManagedLabels.RUN, ManagedLabels.CREATED);

    private final DockerClient docker;

    LabelledResources(DockerClient docker) {
        this.docker = docker;
    }

    /** Everything of {@code kind} that carries all of {@code labels}; {@link ResourceKind#TAG} gives nothing. */
    List<LabelledResource> list(ResourceKind kind, Map<String, String> labels) {
        List<String> filter = labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().toList();
        return switch (kind) {
            case CONTAINER -> {
                Map<String, Map<String, String>> imageLabels = new HashMap<>();
                yield docker.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec().stream()
                        .filter(c -> !inherited(c.getLabels(), imageLabels.computeIfAbsent(c.getImageId(), this::imageLabels), c.getCreated()))
                        .map(LabelledResources::container).toList();
            }
            case VOLUME -> {
                List<InspectVolumeResponse> volumes = docker.listVolumesCmd().withFilter("label", filter).exec()
                        .getVolumes();
                yield volumes == null ? List.of()
                        : volumes.stream().map(v -> new LabelledResource(kind, v.getName(), v.getName(), v.getLabels())).toList();
            }
            case NETWORK -> docker.listNetworksCmd().withFilter("label", filter).exec()
                    .stream().map(LabelledResources::network).toList();
            case IMAGE -> docker.listImagesCmd().withLabelFilter(labels).exec()
                    .stream().map(LabelledResources::image).toList();
            case TAG -> List.of();
        };
    }

    /**
     * The owner's images that a run tag ties to a run (see {@link BuildAttribution}): one resource per run tag, whose
     * run is the tag's and whose created time is the image's, as if both were labels.
     */
    List<LabelledResource> runTaggedImages(String ownerId) {
        List<LabelledResource> found = new ArrayList<>();
        for (Image image : docker.listImagesCmd().withReferenceFilter(BuildAttribution.runRepository(ownerId)).exec()) {
            for (String tag : image.getRepoTags() == null ? new String[0] : image.getRepoTags()) {
                BuildAttribution.runIdOf(ownerId, tag).ifPresent(runId -> {
                    Map<String, String> labels = new HashMap<>(image.getLabels() == null ? Map.of() : image.getLabels());
                    labels.put(ManagedLabels.RUN, runId);
                    labels.put(ManagedLabels.CREATED, String.valueOf(image.getCreated() == null ? 0 : image.getCreated()));
                    found.add(new LabelledResource(ResourceKind.IMAGE, image.getId(), tag, labels));
                });
            }
        }
        return found;
    }

    /**
     * Whether a container got its run labels from its image rather than from the engine. Docker copies an image's
     * labels into every container made from it, so a container someone else runs from an image a run built (and
     * kept) carries that run's labels, with the image's created time; the engine labels its own containers with the
     * time it creates them. Identical owner, run and created labels plus a creation well after that time therefore
     * mean: not the run's container.
     *
     * @param dockerCreated when Docker created the container, in epoch seconds (its own clock), or {@code null}
     */
    static boolean inherited(Map<String, String> containerLabels, Map<String, String> imageLabels, Long dockerCreated) {
        if (containerLabels == null || imageLabels == null || dockerCreated == null
                || !RUN_LABELS.stream().allMatch(k -> containerLabels.get(k) != null && containerLabels.get(k).equals(imageLabels.get(k)))) {
            return false;
        }
        long labelled = new LabelledResource(ResourceKind.CONTAINER, "-", null, containerLabels).created().getEpochSecond();
        return dockerCreated - labelled > INHERITANCE_SLACK.toSeconds();
    }

    private Map<String, String> imageLabels(String imageId) {
        try {
            InspectImageResponse image = docker.inspectImageCmd(imageId).exec();
            return image.getConfig() == null || image.getConfig().getLabels() == null ? Map.of() : image.getConfig().getLabels();
        } catch (NotFoundException imageGone) {
            return Map.of();
        }
    }

    private static LabelledResource container(Container c) {
        String name = c.getNames() == null || c.getNames().length == 0 ? null : c.getNames()[0].replaceFirst("^/", "");
        return new LabelledResource(ResourceKind.CONTAINER, c.getId(), name, c.getLabels());
    }

    private static LabelledResource network(Network n) {
        return new LabelledResource(ResourceKind.NETWORK, n.getId(), n.getName(), n.getLabels());
    }

    private static LabelledResource image(Image i) {
        String name = i.getRepoTags() == null ? null
                : Arrays.stream(i.getRepoTags()).filter(t -> !t.startsWith("<none>")).findFirst().orElse(null);
        return new LabelledResource(ResourceKind.IMAGE, i.getId(), name, i.getLabels());
    }
}
