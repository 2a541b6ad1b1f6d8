package io.jenkins.plugins.dockerci.engine.cleanup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import io.jenkins.plugins.dockerci.engine.BuildAttribution;
import io.jenkins.plugins.dockerci.engine.cleanup.RemovalOutcome.Status;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An owner's build cache on one engine: the images its runs built and cleanup kept under the owner's cache tag (see
 * {@link BuildAttribution}), and the trim that holds it to a {@link BuildCachePolicy}.
 *
 * <p>Only images with the owner's cache tag are its cache; nothing else is counted or removed. A cache image is pruned
 * by taking its cache tag away, by name and without force ({@link LastReference}), which is Docker's own rule: when
 * it was the image's last tag the image goes, and so does each parent that no tag, container or other image needs;
 * an image someone tagged or built on stays (only the cache tag goes), one a container uses stays with its tag.
 */
final class BuildCache {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DockerClient docker;

    BuildCache(DockerClient docker) {
        this.docker = docker;
    }

    /** Plans the trim of {@code owner}'s cache and, unless {@code dryRun}, removes what is over the bound. */
    BuildCacheReport trim(String ownerId, BuildCachePolicy policy, Instant now, boolean dryRun) {
        List<Image> all = docker.listImagesCmd().withShowAll(true).exec();
        Map<String, CachePlan.Node> nodes = new HashMap<>();
        Map<String, String> heads = new LinkedHashMap<>();
        Map<String, Long> created = new HashMap<>();
        for (Image image : all) {
            List<String> tags = image.getRepoTags() == null ? List.of()
                    : Arrays.stream(image.getRepoTags()).filter(t -> !t.startsWith("<none>")).toList();
            nodes.put(image.getId(), new CachePlan.Node(image.getId(), image.getParentId(),
                    image.getSize() == null ? 0 : image.getSize(), !tags.isEmpty()));
            created.put(image.getId(), image.getCreated() == null ? 0 : image.getCreated());
            tags.stream().filter(t -> BuildAttribution.isCacheTag(ownerId, t)).findFirst().ifPresent(t -> heads.put(image.getId(), t));
        }
        CachePlan plan = CachePlan.of(heads, nodes, id -> Instant.ofEpochSecond(created.getOrDefault(id, 0L)),
                id -> lastUse(id, created.getOrDefault(id, 0L)), policy, now);
        List<RemovalOutcome> outcomes = new ArrayList<>();
        if (!dryRun) {
            plan.pruned().forEach(image -> outcomes.add(prune(image)));
        }
        return new BuildCacheReport(ownerId, policy, plan.kept(), plan.keptBytes(), plan.pruned(), outcomes);
    }

    private RemovalOutcome prune(CachedImage image) {
        return ResourceRemover.guarded(ResourceKind.IMAGE, image.tag(), image.id(), () -> {
            boolean gone = new LastReference(docker).remove(image.id(), image.tag());
            return new RemovalOutcome(ResourceKind.IMAGE, image.tag(), image.id(), Status.REMOVED, "build cache: " + image.reason()
                    + (gone ? "" : "; only its cache tag went: other tags or images built on it keep the image"));
        });
    }

    /**
     * When a run last built or reused the image: Docker's {@code LastTagTime}, which every tagging updates (each run
     * tags what it builds with its run tag, a cleanup that keeps it re-tags it). docker-java does not map that
     * field, so it is read from the engine's inspect answer directly; without it the image's creation time stands in,
     * which can only make a cache image look older than it is (so it is pruned earlier, never kept longer).
     */
    private Instant lastUse(String imageId, long createdEpochSecond) {
        Instant created = Instant.ofEpochSecond(createdEpochSecond);
        if (!(docker instanceof DockerClientImpl client)) {
            return created;
        }
        DockerHttpClient.Request request = DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET)
                .path("/images/" + imageId + "/json").build();
        try (DockerHttpClient.Response response = client.getHttpClient().execute(request); InputStream body = response.getBody()) {
            if (response.getStatusCode() != 200) {
                return created;
            }
            JsonNode tagged = JSON.readTree(body).path("Metadata").path("LastTagTime");
            if (!tagged.isTextual() || tagged.asText().startsWith("0001-")) {
                return created;
            }
            Instant last = Instant.parse(tagged.asText());
            return last.isAfter(created) ? last : created;
        } catch (IOException | RuntimeException unreadable) {
            return created;
        }
    }
}
