package io.jenkins.plugins.dockerci.testsupport;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.dockerci.engine.docker.DockerClients;
import io.jenkins.plugins.dockerci.engine.testsupport.NamedImages;
import io.jenkins.plugins.dockerci.engine.testsupport.OwnerResources;
import io.jenkins.plugins.dockerci.engine.testsupport.TestEnvironment;
import io.jenkins.plugins.dockerci.identity.JenkinsIdentity;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
 * while the test's Jenkins still runs, it looks for everything of that Jenkins' owner id (see {@link OwnerResources}):
 * the build cache kept on purpose is removed quietly; anything else still there is removed and the test
 * <em>fails</em>, naming what leaked. After the class, an image still tagged with a name it handed out has leaked
 * too. Without a reachable engine the class fails with what to do.
 */
public final class JenkinsDocker implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private final Set<String> names = ConcurrentHashMap.newKeySet();
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
        if (client == null) {
            return;
        }
        try {
            List<String> leaked = NamedImages.removeTagged(client, names);
            if (!leaked.isEmpty()) {
                throw new AssertionError(context.getDisplayName() + " left " + leaked.size()
                        + " image tag(s) with its unique names behind (now removed): " + leaked);
            }
        } finally {
            client.close();
        }
    }

    /** A client of the test engine. */
    public DockerClient client() {
        return client;
    }

    /**
     * A name no other test uses, valid as a repository or container name. An image still tagged with it when the
     * class ends has leaked.
     */
    public String uniqueName(String prefix) {
        String name = ("dci-" + prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)).toLowerCase(Locale.ROOT);
        names.add(name);
        return name;
    }

    /**
     * Waits until nothing labelled with the running Jenkins' owner id is left on the engine, for tests whose Jenkins
     * is gone before {@link #afterEach} could look (a restart); fails naming what is left after a minute. The build
     * cache kept on purpose is removed.
     */
    public void awaitNothingLeft() throws IOException {
        String ownerId = JenkinsIdentity.ownerId();
        Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> Assertions.assertThat(resourcesOf(ownerId)).as("labelled resources left").isEmpty());
        removeCacheOf(ownerId);
    }

    /** Everything {@code ownerId} left on the engine that is not build cache kept on purpose, as readable lines. */
    public List<String> resourcesOf(String ownerId) {
        return new OwnerResources(client, ownerId).leftovers();
    }

    /** Removes the build cache {@code ownerId} kept on purpose, for a Jenkins that ran outside this JVM. */
    public void removeCacheOf(String ownerId) {
        new OwnerResources(client, ownerId).removeCache();
    }

    private List<String> removeLeftovers(String ownerId) {
        return new OwnerResources(client, ownerId).removeLeftovers();
    }
}
