package io.jenkins.plugins.dockerci.engine.testsupport;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.jenkins.plugins.dockerci.engine.ManagedLabels;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.docker.DockerClients;
import io.jenkins.plugins.dockerci.engine.docker.DockerEndpoint;
import io.jenkins.plugins.dockerci.engine.docker.DockerUnavailableException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit Jupiter extension for tests against the real Docker engine.
 *
 * <p>Register it as a static field ({@code @RegisterExtension static final DockerExtension DOCKER = new DockerExtension();}).
 * It hands out a connected client, a unique owner id per test class, fresh {@link RunContext}s and unique names.
 * After the class it looks for every container, network, volume and image labelled with its owner id: anything
 * still there is removed and the class <em>fails</em>, naming what leaked. Without a reachable engine the class
 * fails with the reason (run {@code scripts/docker-env up}, or skip integration tests with {@code -DskipITs}).
 */
public final class DockerExtension implements BeforeAllCallback, AfterAllCallback {

    private final String ownerId = "it-" + shortId();
    private DockerClient client;
    private DockerEndpoint endpoint;

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        finish(context.getDisplayName());
    }

    /** Connects to the test engine; fails with what to do when it does not answer. */
    void start() {
        endpoint = TestEnvironment.current().dockerEndpoint();
        try {
            client = DockerClients.connect(endpoint);
        } catch (DockerUnavailableException e) {
            throw new IllegalStateException(e.getMessage() + " Integration tests need the real engine: run scripts/docker-env up"
                    + " (or scripts/test), or skip them explicitly with -DskipITs.", e);
        }
    }

    /** Removes what this owner left behind, closes the client, and fails naming the leftovers if there were any. */
    void finish(String testName) throws IOException {
        if (client == null) {
            return;
        }
        try {
            List<String> leaked = removeLeftovers();
            if (!leaked.isEmpty()) {
                throw new AssertionError(testName + " left " + leaked.size()
                        + " labelled Docker resource(s) behind (now removed): " + leaked);
            }
        } finally {
            client.close();
        }
    }

    /** A client connected to the test engine. */
    public DockerClient client() {
        return client;
    }

    /** The endpoint of the test engine. */
    public DockerEndpoint endpoint() {
        return endpoint;
    }

    /** The owner id every resource of this test class carries. */
    public String ownerId() {
        return ownerId;
    }

    /** A fresh run of this test class's owner. */
    public RunContext newRun() {
        return new RunContext(ownerId, "run-" + shortId());
    }

    /** A name no other test uses, valid as a container, network or repository name. */
    public String uniqueName(String prefix) {
        return ("dci-" + prefix + "-" + shortId()).toLowerCase(Locale.ROOT);
    }

    /** The owner label filter: what this class created. */
    public Map<String, String> ownerFilter() {
        return Map.of(ManagedLabels.OWNER, ownerId);
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

    private List<String> removeLeftovers() {
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
        client.listImagesCmd().withShowAll(true).withLabelFilter(ownerFilter()).exec().forEach(i -> {
            leaked.add("image " + i.getId() + (i.getRepoTags() == null ? "" : " " + String.join(",", i.getRepoTags())));
            ignoreMissing(() -> client.removeImageCmd(i.getId()).withForce(true).exec());
        });
        return leaked;
    }

    private static void ignoreMissing(Runnable removal) {
        try {
            removal.run();
        } catch (NotFoundException alreadyGone) {
            // removed meanwhile (an image goes with its last tag): nothing left to do
        }
    }

    private static String shortId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
