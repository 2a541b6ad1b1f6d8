package io.jenkins.plugins.dockerci.engine.testsupport;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.dockerci.engine.BuildAttribution;
import io.jenkins.plugins.dockerci.engine.ManagedLabels;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.docker.DockerClients;
import io.jenkins.plugins.dockerci.engine.docker.DockerEndpoint;
import io.jenkins.plugins.dockerci.engine.docker.DockerUnavailableException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit Jupiter extension for tests against the real Docker engine.
 *
 * <p>Register it as a static field ({@code @RegisterExtension static final DockerExtension DOCKER = new DockerExtension();}).
 * It hands out a connected client, a unique owner id per test class, fresh {@link RunContext}s and unique names.
 * After the class it looks for every container, network, volume and image labelled with its owner id, for every
 * image under its owner's run tags (built images carry no labels of ours, see {@link BuildAttribution}), and for every
 * image tagged with one of the names it handed out, and for every dangling ({@code <none>:<none>}) image the class
 * left by the rule of {@link DanglingImages}: an image given one of the class's tags (a handed-out name, a run or cache
 * tag of its owner) while the class ran, new since the class started, and now without tag, child image or container
 * (for instance one whose name a second build took over). Build cache kept on purpose (images under the owner's cache
 * tag, with the layers below them) is removed without complaint; anything else still there has <em>leaked</em>: it
 * is removed and the class <em>fails</em>, naming it (a dangling image with the step that made it). Without a reachable engine the class fails with the reason (run
 * {@code scripts/docker-env up}, or skip integration tests with {@code -DskipITs}).
 */
public final class DockerExtension implements BeforeAllCallback, AfterAllCallback {

    private final String ownerId = "it-" + shortId();
    private final Set<String> names = ConcurrentHashMap.newKeySet();
    private DockerClient client;
    private DockerEndpoint endpoint;
    private Set<String> imagesBefore;
    private TaggedImages tagged;

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
        // a second early: the engine replays tags from that second on, so none given while the subscription opens is missed
        tagged = TaggedImages.follow(client, Instant.now().getEpochSecond() - 1);
        imagesBefore = DanglingImages.present(client);
    }

    /** Removes what this owner left behind, closes the client, and fails naming the leftovers if there were any. */
    void finish(String testName) throws IOException {
        if (client == null) {
            return;
        }
        try {
            List<String> leaked = new ArrayList<>(resources().removeLeftovers());
            leaked.addAll(NamedImages.removeTagged(client, names));
            tagged.close();
            leaked.addAll(DanglingImages.removeLeaked(client, imagesBefore, tagged.taggedWith(this::isOwnTag)));
            if (!leaked.isEmpty()) {
                throw new AssertionError(testName + " left " + leaked.size()
                        + " labelled Docker resource(s) behind (now removed): " + leaked);
            }
        } finally {
            client.close();
        }
    }

    /** Whether {@code tag} is one only this class gives: a name it handed out, or its owner's run or cache tag. */
    private boolean isOwnTag(String tag) {
        return tag.startsWith(BuildAttribution.runRepository(ownerId) + ":") || tag.startsWith(BuildAttribution.cacheRepository(ownerId) + ":")
                || names.stream().anyMatch(tag::contains);
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

    /**
     * A name no other test uses, valid as a container, network or repository name. An image still tagged with it
     * when the class ends has leaked.
     */
    public String uniqueName(String prefix) {
        String name = ("dci-" + prefix + "-" + shortId()).toLowerCase(Locale.ROOT);
        names.add(name);
        return name;
    }

    /** The owner label filter: what this class created. */
    public Map<String, String> ownerFilter() {
        return Map.of(ManagedLabels.OWNER, ownerId);
    }

    /** The owner's build cache kept on purpose: its cache images, each with its cache tag. */
    public List<String> cacheTags() {
        return resources().cacheTags();
    }

    /** Removes the owner's build cache (what a test kept on purpose); idempotent. */
    public void removeCache() {
        resources().removeCache();
    }

    /** The containers, networks, volumes and images labelled {@code label=value} (e.g. a run's), without removing them. */
    public List<String> labelled(String label, String value) {
        return resources().labelled(label, value);
    }

    private OwnerResources resources() {
        return new OwnerResources(client, ownerId);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
