package io.jenkins.plugins.dockerci.engine.cleanup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import io.jenkins.plugins.dockerci.engine.ManagedLabels;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.cleanup.RemovalOutcome.Status;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Removes single resources of one run, idempotently: a resource that is not there counts as done, and one that
 * does not carry the run's labels is left alone (a name in the ledger may belong to someone else if our create
 * call failed on a name clash). Every method returns an outcome and never throws.
 */
final class ResourceRemover {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DockerClient docker;
    private final RunContext run;

    ResourceRemover(DockerClient docker, RunContext run) {
        this.docker = docker;
        this.run = run;
    }

    /** A container known by id or name: removed with force and with its anonymous volumes. */
    RemovalOutcome container(String reference) {
        return guarded(ResourceKind.CONTAINER, reference, null, () -> {
            InspectContainerResponse info = docker.inspectContainerCmd(reference).exec();
            String name = info.getName() == null ? reference : info.getName().replaceFirst("^/", "");
            if (!ours(info.getConfig() == null ? null : info.getConfig().getLabels())) {
                return notOurs(ResourceKind.CONTAINER, name, info.getId());
            }
            return removeContainer(info.getId(), name, "");
        });
    }

    RemovalOutcome removeContainer(String id, String name, String detail) {
        return guarded(ResourceKind.CONTAINER, name, id, () -> {
            try {
                docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            } catch (ConflictException e) {
                // someone else (the step's own teardown, a parallel reaper) is removing it right now
                if (String.valueOf(e.getMessage()).contains("already in progress")) {
                    return new RemovalOutcome(ResourceKind.CONTAINER, name, id, Status.ALREADY_GONE, "removal already in progress");
                }
                throw e;
            }
            return new RemovalOutcome(ResourceKind.CONTAINER, name, id, Status.REMOVED, detail);
        });
    }

    /** A volume the run created by name. */
    RemovalOutcome volume(String name) {
        return guarded(ResourceKind.VOLUME, name, name, () -> {
            InspectVolumeResponse info = docker.inspectVolumeCmd(name).exec();
            if (!ours(info.getLabels())) {
                return notOurs(ResourceKind.VOLUME, name, name);
            }
            return removeVolume(name, "");
        });
    }

    RemovalOutcome removeVolume(String name, String detail) {
        return guarded(ResourceKind.VOLUME, name, name, () -> {
            docker.removeVolumeCmd(name).exec();
            return new RemovalOutcome(ResourceKind.VOLUME, name, name, Status.REMOVED, detail);
        });
    }

    /** A network known by id or name. */
    RemovalOutcome network(String reference) {
        return guarded(ResourceKind.NETWORK, reference, null, () -> {
            Network info = docker.inspectNetworkCmd().withNetworkId(reference).exec();
            if (!ours(info.getLabels())) {
                return notOurs(ResourceKind.NETWORK, info.getName(), info.getId());
            }
            return removeNetwork(info.getId(), info.getName(), "");
        });
    }

    RemovalOutcome removeNetwork(String id, String name, String detail) {
        return guarded(ResourceKind.NETWORK, name, id, () -> {
            docker.removeNetworkCmd(id).exec();
            return new RemovalOutcome(ResourceKind.NETWORK, name, id, Status.REMOVED, detail);
        });
    }

    /**
     * A tag the run added: untagged when it still points at the image it was put on ({@code imageId}), or, when that
     * id was never recorded, at an image labelled with this run. Untagging the last tag of an image removes it.
     */
    RemovalOutcome tag(String reference, String imageId) {
        return guarded(ResourceKind.TAG, reference, imageId, () -> {
            InspectImageResponse image = docker.inspectImageCmd(reference).exec();
            boolean same = imageId != null ? sameImage(image.getId(), imageId)
                    : ours(image.getConfig() == null ? null : image.getConfig().getLabels());
            if (!same) {
                return new RemovalOutcome(ResourceKind.TAG, reference, image.getId(), Status.KEPT,
                        "it now refers to an image this run did not tag; left alone");
            }
            docker.removeImageCmd(reference).withForce(false).exec();
            return new RemovalOutcome(ResourceKind.TAG, reference, image.getId(), Status.REMOVED, "");
        });
    }

    /** An image the run built, known by id or reference: all its tags except {@code keep}, then the image itself. */
    RemovalOutcome image(String reference, Set<String> keep) {
        return guarded(ResourceKind.IMAGE, reference, null, () -> {
            InspectImageResponse info = docker.inspectImageCmd(reference).exec();
            if (!ours(info.getConfig() == null ? null : info.getConfig().getLabels())) {
                return notOurs(ResourceKind.IMAGE, reference, info.getId());
            }
            return removeImage(info.getId(), reference, info.getRepoTags(), keep, "");
        });
    }

    RemovalOutcome removeImage(String id, String name, List<String> tags, Set<String> keep, String detail) {
        return guarded(ResourceKind.IMAGE, name, id, () -> {
            List<String> kept = new ArrayList<>();
            for (String tag : tags == null ? List.<String>of() : tags) {
                if (tag.startsWith("<none>")) {
                    continue;
                }
                if (keep.contains(tag)) {
                    kept.add(tag);
                } else {
                    untag(tag);
                }
            }
            if (!kept.isEmpty()) {
                return new RemovalOutcome(ResourceKind.IMAGE, name, id, Status.KEPT, "pushed as " + String.join(", ", kept));
            }
            try {
                // no force: an image a container of someone else still uses stays, and the failure says so
                docker.removeImageCmd(id).withForce(false).exec();
            } catch (NotFoundException goneWithItsLastTag) {
                // untagging the last tag already deleted it
            }
            return new RemovalOutcome(ResourceKind.IMAGE, name, id, Status.REMOVED, detail);
        });
    }

    /** An image or tag left in place because the policy keeps what the run built. */
    RemovalOutcome keptByPolicy(ResourceKind kind, String name, String id) {
        return new RemovalOutcome(kind, name, id, Status.KEPT, "the cleanup policy keeps built images and their tags");
    }

    private void untag(String tag) {
        try {
            docker.removeImageCmd(tag).withForce(false).exec();
        } catch (NotFoundException alreadyUntagged) {
            // someone else untagged it meanwhile: the goal is reached
        }
    }

    private boolean ours(Map<String, String> labels) {
        return labels != null && "true".equals(labels.get(ManagedLabels.MANAGED))
                && run.ownerId().equals(labels.get(ManagedLabels.OWNER)) && run.runId().equals(labels.get(ManagedLabels.RUN));
    }

    private RemovalOutcome notOurs(ResourceKind kind, String name, String id) {
        return new RemovalOutcome(kind, name, id, Status.KEPT, "it is not labelled with run " + run.runId()
                + " of owner " + run.ownerId() + " (the name may belong to someone else); left alone");
    }

    private static boolean sameImage(String a, String b) {
        return strip(a).startsWith(strip(b)) || strip(b).startsWith(strip(a));
    }

    private static String strip(String id) {
        return id.startsWith("sha256:") ? id.substring("sha256:".length()) : id;
    }

    private static RemovalOutcome guarded(ResourceKind kind, String name, String id, Supplier<RemovalOutcome> removal) {
        try {
            return removal.get();
        } catch (NotFoundException e) {
            return new RemovalOutcome(kind, name, id, Status.ALREADY_GONE, "");
        } catch (RuntimeException e) {
            return new RemovalOutcome(kind, name, id, Status.FAILED, reason(e));
        }
    }

    // docker-java puts the daemon's JSON error body after "Status NNN: "
    private static String daemonMessage(String text) {
        String body = text == null ? "" : text.strip();
        int json = body.indexOf('{');
        if (json >= 0) {
            try {
                JsonNode message = JSON.readTree(body.substring(json)).get("message");
                if (message != null && message.isTextual()) {
                    return message.asText();
                }
            } catch (JsonProcessingException notJson) {
                // fall through to the raw text
            }
        }
        return body;
    }

    /** The daemon's own words when it answered, else what went wrong on the way. */
    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return "the Docker engine did not answer within the cleanup call timeout";
            }
        }
        if (e instanceof DockerException docker) {
            return daemonMessage(docker.getMessage()) + " (HTTP " + docker.getHttpStatus() + ")";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
