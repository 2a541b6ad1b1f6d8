package io.jenkins.plugins.dockerci.engine.cleanup;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.Network;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Lists what carries a set of labels, one kind at a time; the engine filters, so nothing else is ever seen. */
final class LabelledResources {

    private final DockerClient docker;

    LabelledResources(DockerClient docker) {
        this.docker = docker;
    }

    /** Everything of {@code kind} that carries all of {@code labels}; {@link ResourceKind#TAG} gives nothing. */
    List<LabelledResource> list(ResourceKind kind, Map<String, String> labels) {
        List<String> filter = labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().toList();
        return switch (kind) {
            case CONTAINER -> docker.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec()
                    .stream().map(LabelledResources::container).toList();
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
