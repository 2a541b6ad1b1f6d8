package io.jenkins.plugins.dockerci.testsupport;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.jenkins.plugins.dockerci.engine.ManagedLabels;
import io.jenkins.plugins.dockerci.engine.docker.DockerClients;
import io.jenkins.plugins.dockerci.engine.testsupport.TestEnvironment;
import io.jenkins.plugins.dockerci.identity.JenkinsIdentity;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import jenkins.model.Jenkins;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real Docker engine for tests that run the plugin in a real Jenkins ({@code @WithJenkins}).
 *
 * <p>Register it as a static field. It hands out a client of the test engine and unique names. After each test,
 * while the test's Jenkins still runs, it looks for every container, network, volume and image labelled with that
 * Jenkins' owner id (everything the plugin created in the test carries it): anything still there is removed and the
 * test <em>fails</em>, naming what leaked. Without a reachable engine the class fails with what to do.
 */
public final class JenkinsDocker implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private DockerClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            client = DockerClients.connect(TestEnvironment.current().dockerEndpoint());
        } catch (RuntimeException e) {
            throw new IllegalStateException(e.getMessage() + " These tests need the real engine: run scripts/docker-env up"
                    + " (or scripts/test), or skip integration tests explicitly with -DskipITs.", e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (Jenkins.getInstanceOrNull() == null || client == null) {
            return;
        }
        List<String> leaked = removeLeftovers(JenkinsIdentity.ownerId());
        if (!leaked.isEmpty() && context.getExecutionException().isEmpty()) {
            throw new AssertionError(context.getDisplayName() + " left " + leaked.size()
                    + " labelled Docker resource(s) behind (now removed): " + leaked);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (client != null) {
            client.close();
        }
    }

    /** A client of the test engine. */
    public DockerClient client() {
        return client;
    }

    /** A name no other test uses, valid as a repository or container name. */
    public static String uniqueName(String prefix) {
        return ("dci-" + prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)).toLowerCase(Locale.ROOT);
    }

    /**
     * Waits until nothing labelled with the running Jenkins' owner id is left on the engine, for tests whose Jenkins
     * is gone before {@link #afterEach} could look (a restart); fails naming what is left after a minute.
     */
    public void awaitNothingLeft() throws IOException {
        String ownerId = JenkinsIdentity.ownerId();
        Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> Assertions.assertThat(resourcesOf(ownerId)).as("labelled resources left").isEmpty());
    }

    /** Everything labelled with {@code ownerId} that is still on the engine, as readable lines. */
    public List<String> resourcesOf(String ownerId) {
        String filter = ManagedLabels.OWNER + "=" + ownerId;
        List<String> found = new ArrayList<>();
        client.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(ManagedLabels.OWNER, ownerId)).exec()
                .forEach(c -> found.add("container " + c.getId().substring(0, 12) + " " + String.join(",", c.getNames())));
        client.listNetworksCmd().withFilter("label", List.of(filter)).exec().forEach(n -> found.add("network " + n.getName()));
        var volumes = client.listVolumesCmd().withFilter("label", List.of(filter)).exec().getVolumes();
        if (volumes != null) {
            volumes.forEach(v -> found.add("volume " + v.getName()));
        }
        client.listImagesCmd().withShowAll(true).withLabelFilter(Map.of(ManagedLabels.OWNER, ownerId)).exec()
                .forEach(i -> found.add("image " + i.getId()));
        return found;
    }

    private List<String> removeLeftovers(String ownerId) {
        List<String> leaked = resourcesOf(ownerId);
        Map<String, String> owner = Map.of(ManagedLabels.OWNER, ownerId);
        client.listContainersCmd().withShowAll(true).withLabelFilter(owner).exec()
                .forEach(c -> ignoreMissing(() -> client.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec()));
        client.listNetworksCmd().withFilter("label", List.of(ManagedLabels.OWNER + "=" + ownerId)).exec()
                .forEach(n -> ignoreMissing(() -> client.removeNetworkCmd(n.getId()).exec()));
        var volumes = client.listVolumesCmd().withFilter("label", List.of(ManagedLabels.OWNER + "=" + ownerId)).exec().getVolumes();
        if (volumes != null) {
            volumes.forEach(v -> ignoreMissing(() -> client.removeVolumeCmd(v.getName()).exec()));
        }
        client.listImagesCmd().withShowAll(true).withLabelFilter(owner).exec()
                .forEach(i -> ignoreMissing(() -> client.removeImageCmd(i.getId()).withForce(true).exec()));
        return leaked;
    }

    private static void ignoreMissing(Runnable removal) {
        try {
            removal.run();
        } catch (NotFoundException alreadyGone) {
            // an image goes with its last tag, a volume with its container
        }
    }
}
