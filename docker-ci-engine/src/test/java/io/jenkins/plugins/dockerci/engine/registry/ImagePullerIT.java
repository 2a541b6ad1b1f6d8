package io.jenkins.plugins.dockerci.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.exception.NotFoundException;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.image.ImageReference;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins.RegistryLogin;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import io.jenkins.plugins.dockerci.engine.testsupport.PrivateImages;
import io.jenkins.plugins.dockerci.engine.testsupport.RegistryApi;
import io.jenkins.plugins.dockerci.engine.testsupport.TestEnvironment;
import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pull policies and the failures of a pull, against the real engine and registries. */
class ImagePullerIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    private static final TestEnvironment ENV = TestEnvironment.current();
    private static ImageReference published;

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final LogSink sink = (kind, text) -> log.add(text);
    private final RegistryLogins credentials = RegistryLogins.of(List.of(
            new RegistryLogin(ENV.authRegistry(), PrivateImages.credentials(), "the test's list")));
    private final ImagePuller puller = new ImagePuller(DOCKER.client(), credentials, ImagePuller.DEFAULT_TIMEOUT);

    @BeforeAll
    static void publish() throws InterruptedException {
        published = ImageReference.parse(ENV.anonymousRegistry() + "/" + DOCKER.uniqueName("pull-policy") + ":1");
        DOCKER.client().tagImageCmd(TestImages.BUSYBOX, published.canonicalName(), published.tag()).exec();
        assertThat(DOCKER.client().pushImageCmd(published.canonicalName()).withTag(published.tag()).start()
                .awaitCompletion(2, TimeUnit.MINUTES)).isTrue();
        removeLocal(published.toString());
    }

    @AfterAll
    static void unpublish() throws IOException, InterruptedException {
        removeLocal(published.toString());
        RegistryApi.anonymous().deleteIfPresent(published);
    }

    @AfterEach
    void noPullLeftATag() {
        removeLocal(published.toString());
    }

    private static void removeLocal(String reference) {
        try {
            DOCKER.client().removeImageCmd(reference).withNoPrune(true).exec();
        } catch (NotFoundException notThere) {
            // not pulled
        }
    }

    private boolean pulled() {
        return log.stream().anyMatch(line -> line.startsWith("Pulling "));
    }

    @Test
    void missingPullsOnlyWhatIsNotOnTheHost() {
        puller.ensure(published.toString(), PullPolicy.MISSING, "for the test", sink);
        assertThat(pulled()).isTrue();
        assertThat(log).contains("Pulling " + published + " for the test from registry " + ENV.anonymousRegistry()
                + " anonymously (no credentials configured for " + ENV.anonymousRegistry() + ")");
        assertThat(log).anyMatch(line -> line.startsWith("Pulled " + published + " (sha256:"));

        log.clear();
        puller.ensure(published.toString(), PullPolicy.MISSING, "for the test", sink);
        assertThat(pulled()).isFalse();
    }

    @Test
    void alwaysPullsAlsoWhatIsOnTheHostButNeverAnImageId() {
        puller.ensure(published.toString(), PullPolicy.MISSING, "for the test", sink);
        log.clear();

        puller.ensure(published.toString(), PullPolicy.ALWAYS, "for the test", sink);
        assertThat(pulled()).isTrue();

        log.clear();
        String id = DOCKER.client().inspectImageCmd(TestImages.BUSYBOX).exec().getId();
        assertThat(puller.ensure(id, PullPolicy.ALWAYS, "for the test", sink).getId()).isEqualTo(id);
        assertThat(puller.ensure(id.substring("sha256:".length(), 19), PullPolicy.ALWAYS, "for the test", sink).getId()).isEqualTo(id);
        assertThat(pulled()).isFalse();
    }

    @Test
    void neverUsesWhatIsOnTheHostAndOtherwiseSaysSo() {
        assertThatThrownBy(() -> puller.ensure(published.toString(), PullPolicy.NEVER, "for service 'db'", sink))
                .isInstanceOf(DockerCiException.class)
                .hasMessage("Image " + published + " (needed for service 'db') is not on the Docker host and its pull policy is 'never':"
                        + " pull or build it on this Docker host first, or set the pull policy to 'missing'.");
        assertThat(pulled()).isFalse();

        assertThat(puller.ensure(TestImages.BUSYBOX, PullPolicy.NEVER, "for the test", sink)).isNotNull();
    }

    @Test
    void anIdThatIsNotOnTheHostCannotBePulled() {
        String absent = "sha256:" + "0".repeat(64);

        assertThatThrownBy(() -> puller.ensure(absent, PullPolicy.MISSING, "for the tests", sink))
                .isInstanceOf(DockerCiException.class).hasMessageContaining("an image id cannot be pulled");
    }

    @Test
    void anImageTheRegistryDoesNotHaveIsNotFoundThere() {
        String missing = ENV.authRegistry() + "/" + DOCKER.uniqueName("nowhere") + "/app:1";

        assertThatThrownBy(() -> puller.ensure(missing, PullPolicy.MISSING, "for the tests", sink))
                .isInstanceOfSatisfying(ImagePullException.class, e -> {
                    assertThat(e.failure()).isEqualTo(RegistryFailure.NOT_FOUND);
                    assertThat(e.image()).isEqualTo(missing);
                    assertThat(e.getMessage()).startsWith("Image " + missing + " in registry " + ENV.authRegistry()
                            + " (needed for the tests): there is no such image in registry " + ENV.authRegistry()
                            + " (the registry said: manifest for " + missing + " not found");
                });
        assertThat(log).contains("Pulling " + missing + " for the tests from registry " + ENV.authRegistry() + " as user "
                + ENV.authRegistryUser() + " (credentials from the test's list)");
    }

    @Test
    void aRegistryThatIsNotRunningIsUnreachable() throws IOException {
        String closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = "127.0.0.1:" + socket.getLocalPort();
        }
        String image = closed + "/team/app:1";

        assertThatThrownBy(() -> puller.ensure(image, PullPolicy.MISSING, "for the tests", sink))
                .isInstanceOfSatisfying(ImagePullException.class, e -> {
                    assertThat(e.failure()).isEqualTo(RegistryFailure.REGISTRY_UNREACHABLE);
                    assertThat(e.getMessage()).contains("registry " + closed + " is not reachable from the Docker engine")
                            .contains("connection refused");
                });
    }
}
