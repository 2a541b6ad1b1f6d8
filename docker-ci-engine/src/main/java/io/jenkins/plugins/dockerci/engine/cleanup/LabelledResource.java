package io.jenkins.plugins.dockerci.engine.cleanup;

import io.jenkins.plugins.dockerci.engine.ManagedLabels;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A container, volume, network or image found on the Docker host by its {@link ManagedLabels labels}.
 *
 * @param kind   what it is ({@link ResourceKind#TAG} never occurs: tags are found through their image)
 * @param id     the Docker id (for a volume: its name)
 * @param name   a readable name: container or network name, volume name, first tag of an image or its id
 * @param labels all its labels
 */
public record LabelledResource(ResourceKind kind, String id, String name, Map<String, String> labels) {

    public LabelledResource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** The run that created it, or {@code null} when the label is missing. */
    public String runId() {
        return labels.get(ManagedLabels.RUN);
    }

    /** The owner that created it, or {@code null} when the label is missing. */
    public String ownerId() {
        return labels.get(ManagedLabels.OWNER);
    }

    /**
     * When it was created, from its label. A missing or garbled label counts as the epoch (oldest possible), so a
     * finished run's resource is never kept forever because of it.
     */
    public Instant created() {
        try {
            return Instant.ofEpochSecond(Long.parseLong(labels.getOrDefault(ManagedLabels.CREATED, "0").trim()));
        } catch (NumberFormatException e) {
            return Instant.EPOCH;
        }
    }
}
