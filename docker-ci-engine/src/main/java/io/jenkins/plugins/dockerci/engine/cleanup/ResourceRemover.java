package io.jenkins.plugins.dockerci.engine.cleanup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
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
import java.util.Map;
import java.util.function.Supplier;

/**
 * Removes single containers, volumes and networks of one run, idempotently: a resource that is not there counts as
 * done, and one that does not carry the run's labels is left alone (a name in the ledger may belong to someone else
 * if our create call failed on a name clash). Every method returns an outcome and never throws. Images and tags are
 * {@link RunImages}' job.
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

    boolean ours(Map<String, String> labels) {
        return labels != null && "true".equals(labels.get(ManagedLabels.MANAGED))
                && run.ownerId().equals(labels.get(ManagedLabels.OWNER)) && run.runId().equals(labels.get(ManagedLabels.RUN));
    }

    RemovalOutcome notOurs(ResourceKind kind, String name, String id) {
        return new RemovalOutcome(kind, name, id, Status.KEPT, "it is not labelled with run " + run.runId()
                + " of owner " + run.ownerId() + " (the name may belong to someone else); left alone");
    }

    static RemovalOutcome guarded(ResourceKind kind, String name, String id, Supplier<RemovalOutcome> removal) {
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
