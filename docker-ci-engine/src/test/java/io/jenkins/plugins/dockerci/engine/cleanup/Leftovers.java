package io.jenkins.plugins.dockerci.engine.cleanup;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import io.jenkins.plugins.dockerci.engine.BuildAttribution;
import io.jenkins.plugins.dockerci.engine.ManagedLabels;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** What is still on the Docker host, for assertions. */
public final class Leftovers {

    private Leftovers() {
    }

    /** Every container, network, volume and image carrying all of {@code labels}, described for a failure message. */
    public static List<String> labelled(DockerClient docker, Map<String, String> labels) {
        List<String> filter = labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        List<String> found = new ArrayList<>();
        docker.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec()
                .forEach(c -> found.add("container " + String.join(",", c.getNames())));
        docker.listNetworksCmd().withFilter("label", filter).exec().forEach(n -> found.add("network " + n.getName()));
        var volumes = docker.listVolumesCmd().withFilter("label", filter).exec().getVolumes();
        if (volumes != null) {
            volumes.forEach(v -> found.add("volume " + v.getName()));
        }
        docker.listImagesCmd().withShowAll(true).withLabelFilter(labels).exec()
                .forEach(i -> found.add("image " + i.getId() + " " + String.join(",", i.getRepoTags() == null ? new String[0] : i.getRepoTags())));
        return found;
    }

    /** The owner's images that still carry a run tag (a run's image that no cleanup released). */
    public static List<String> runTagged(DockerClient docker, String ownerId) {
        return docker.listImagesCmd().exec().stream()
                .flatMap(i -> i.getRepoTags() == null ? Stream.<String>empty() : Arrays.stream(i.getRepoTags()))
                .filter(tag -> BuildAttribution.runIdOf(ownerId, tag).isPresent()).toList();
    }

    /** Everything of one run. */
    public static List<String> of(DockerClient docker, RunContext run) {
        return labelled(docker, Map.of(ManagedLabels.OWNER, run.ownerId(), ManagedLabels.RUN, run.runId()));
    }

    public static boolean containerExists(DockerClient docker, String id) {
        try {
            docker.inspectContainerCmd(id).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    public static boolean imageExists(DockerClient docker, String reference) {
        try {
            docker.inspectImageCmd(reference).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    public static boolean volumeExists(DockerClient docker, String name) {
        try {
            docker.inspectVolumeCmd(name).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** A running container that is not ours: no labels at all, or {@code labels} of someone else. */
    public static String bystander(DockerClient docker, String name, Map<String, String> labels, String network) {
        return bystander(docker, TestImages.BUSYBOX, name, labels, network);
    }

    /** A running container of {@code image} that is not ours; it runs {@code sleep}, so the image needs a shell. */
    public static String bystander(DockerClient docker, String image, String name, Map<String, String> labels, String network) {
        HostConfig host = HostConfig.newHostConfig().withInit(true);
        if (network != null) {
            host.withNetworkMode(network);
        }
        String id = docker.createContainerCmd(image).withName(name).withCmd("sleep", "600")
                .withLabels(labels).withHostConfig(host).exec().getId();
        docker.startContainerCmd(id).exec();
        return id;
    }

    public static void removeContainer(DockerClient docker, String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException gone) {
            // the test removed it already
        }
    }
}
