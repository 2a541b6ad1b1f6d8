package io.jenkins.plugins.dockerci.engine.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PullResponseItem;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.image.ImageReference;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import io.jenkins.plugins.dockerci.engine.testsupport.RegistryApi;
import io.jenkins.plugins.dockerci.engine.testsupport.TestEnvironment;
import io.jenkins.plugins.dockerci.engine.registry.RegistryCredentials;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins.RegistryLogin;
import io.jenkins.plugins.dockerci.engine.registry.RegistryAuth;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PushIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    private static final TestEnvironment ENV = TestEnvironment.current();
    private static final String USER = ENV.authRegistryUser();
    private static final String PASSWORD = ENV.authRegistryPassword();

    private final List<String> logLines = Collections.synchronizedList(new ArrayList<>());
    private final LogSink log = (kind, text) -> logLines.add(kind + " " + text);
    private final List<String> trackerEvents = Collections.synchronizedList(new ArrayList<>());
    private final List<AutoCloseable> cleanups = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private EngineContext ctx;

    private EngineContext context() {
        if (ctx == null) {
            ctx = new EngineContext(DOCKER.client(), DOCKER.newRun(), new TagWatchingTracker());
        }
        return ctx;
    }

    private LabelledImage image() {
        LabelledImage image = LabelledImage.build(DOCKER.client(), context().labels(), DOCKER.uniqueName("content"));
        cleanups.add(image);
        return image;
    }

    private String repository(String registry) {
        return registry + "/ci/" + DOCKER.uniqueName("push");
    }

    private static RegistryCredentials awkwardCredentials() {
        return RegistryCredentials.usernamePassword(USER, PASSWORD);
    }

    @AfterEach
    void cleanUpAndCheckNoSecretLeaked() throws Exception {
        for (AutoCloseable cleanup : cleanups) {
            cleanup.close();
        }
        List<String> everything = new ArrayList<>(logLines);
        everything.addAll(texts);
        everything.addAll(trackerEvents);
        String b64 = Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));
        String basic = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        String urlEncoded = URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        for (String text : everything) {
            assertThat(text).doesNotContain(PASSWORD).doesNotContain(b64).doesNotContain(basic).doesNotContain(urlEncoded);
        }
    }

    @Test
    void pushesToTheAnonymousRegistryAndThePushedDigestIsWhatTheRegistryServesAndPulls() throws Exception {
        LabelledImage image = image();
        ImageReference target = ImageReference.parse(repository(ENV.anonymousRegistry()) + ":1");

        PushResult result = new ImagePublisher(context()).push(PushRequest.builder(image.id()).target(target.toString()).build(), log);
        texts.add(result.toString());

        assertThat(result.imageId()).isEqualTo(image.id());
        assertThat(result.pushedReferences()).containsExactly(target);
        String digest = result.pushed().get(0).digest();
        assertThat(digest).matches("sha256:[0-9a-f]{64}");
        assertThat(result.pushed().get(0).manifestSize()).isPositive();
        RegistryApi registry = RegistryApi.anonymous();
        assertThat(registry.manifestDigest(target)).isEqualTo(digest);
        assertThat(logLines).contains("INFO Pushed " + target + " digest " + digest + " (manifest "
                + result.pushed().get(0).manifestSize() + " bytes)");
        assertThat(logLines).noneMatch(line -> line.contains("kB/") || line.contains("MB/"));

        assertPullByDigestGivesTheSameImage(result.pushed().get(0), image, null);
        registry.deleteManifest(target, digest);
    }

    @Test
    void pushesToTheAuthRegistryWithAPasswordContainingColonAndNonAscii() throws Exception {
        assertThat(PASSWORD).contains(":").matches(".*[^\\x00-\\x7f].*");
        LabelledImage image = image();
        ImageReference target = ImageReference.parse(repository(ENV.authRegistry()) + ":v1");
        PushRequest request = PushRequest.builder(image.id()).target(target.toString())
                .credentials(ENV.authRegistry(), awkwardCredentials()).build();
        texts.add(request.toString());

        PushResult result = new ImagePublisher(context()).push(request, log);

        String digest = result.pushed().get(0).digest();
        RegistryApi registry = RegistryApi.basic(USER, PASSWORD);
        assertThat(registry.manifestDigest(target)).isEqualTo(digest);
        assertThat(logLines).anyMatch(line -> line.equals("INFO Pushing " + target + " to registry " + ENV.authRegistry() + " as user "
                + USER + " (credentials from the credentials given with the push)"));
        assertPullByDigestGivesTheSameImage(result.pushed().get(0), image, RegistryAuth.forRegistry(ENV.authRegistry(), awkwardCredentials()));
        registry.deleteManifest(target, digest);
    }

    @Test
    void pushesSeveralTagsToTwoRegistriesAndReportsEachAddedTagBeforeCreatingIt() throws Exception {
        LabelledImage image = image();
        String anonymousRepo = repository(ENV.anonymousRegistry());
        ImageReference build = ImageReference.parse(anonymousRepo + ":build-42");
        ImageReference stable = ImageReference.parse(anonymousRepo + ":main");
        ImageReference auth = ImageReference.parse(repository(ENV.authRegistry()) + ":build-42");
        PushRequest request = PushRequest.builder(image.id()).target(build.toString(), stable.toString(), auth.toString())
                .credentials(ENV.authRegistry(), awkwardCredentials()).build();

        PushResult result = new ImagePublisher(context()).push(request, log);

        assertThat(result.pushedReferences()).containsExactly(build, stable, auth);
        assertThat(result.addedTags()).containsExactly(build, stable, auth);
        for (ImageReference tag : List.of(build, stable, auth)) {
            assertThat(trackerEvents).containsSubsequence("creating TAG " + tag + " (absent)", "created TAG " + tag + " " + image.id());
        }
        RegistryApi anonymous = RegistryApi.anonymous();
        RegistryApi basic = RegistryApi.basic(USER, PASSWORD);
        assertThat(anonymous.manifestDigest(build)).isEqualTo(result.pushed().get(0).digest());
        assertThat(anonymous.manifestDigest(stable)).isEqualTo(result.pushed().get(1).digest());
        assertThat(basic.manifestDigest(auth)).isEqualTo(result.pushed().get(2).digest());
        // same image, same manifest: every tag has the one digest
        assertThat(result.pushed()).extracting(PushResult.PushedTag::digest).containsOnly(result.pushed().get(0).digest());
        assertThat(DOCKER.client().inspectImageCmd(image.id()).exec().getRepoTags())
                .containsExactlyInAnyOrder(build.toString(), stable.toString(), auth.toString());

        anonymous.deleteManifest(build, result.pushed().get(0).digest());
        basic.deleteManifest(auth, result.pushed().get(2).digest());
    }

    @Test
    void rePushingAnUnchangedImageFindsItsLayersAlreadyThereAndAddsNoTag() throws Exception {
        LabelledImage image = image();
        ImageReference target = ImageReference.parse(repository(ENV.anonymousRegistry()) + ":1");
        PushRequest request = PushRequest.builder(image.id()).target(target.toString()).build();
        PushResult first = new ImagePublisher(context()).push(request, log);
        logLines.clear();

        PushResult again = new ImagePublisher(context()).push(request, log);

        assertThat(again.pushed().get(0).digest()).isEqualTo(first.pushed().get(0).digest());
        assertThat(again.addedTags()).isEmpty();
        assertThat(logLines).anyMatch(line -> line.endsWith(": Layer already exists"));
        assertThat(logLines).noneMatch(line -> line.endsWith(": Pushed"));
        RegistryApi.anonymous().deleteManifest(target, first.pushed().get(0).digest());
    }

    @Test
    void aTransientRegistryErrorIsRetriedWithBackoffAndThePushSucceeds() throws Exception {
        LabelledImage image = image();
        try (FlakyRegistryProxy registry = FlakyRegistryProxy.failingManifestPuts(ENV.anonymousRegistry(), 1)) {
            String name = "ci/" + DOCKER.uniqueName("push");
            ImageReference target = ImageReference.parse(registry.address() + "/" + name + ":1");
            PushRequest request = PushRequest.builder(image.id()).target(target.toString())
                    .retry(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1))).build();

            PushResult result = new ImagePublisher(context()).push(request, log);

            assertThat(registry.manifestPuts()).isEqualTo(2);
            assertThat(logLines).anyMatch(line -> line.startsWith("WARN Push of " + target + " failed (")
                    && line.contains("503") && line.endsWith("attempt 2 of 3 in 0.1 s"));
            ImageReference upstream = ImageReference.parse(ENV.anonymousRegistry() + "/" + name + ":1");
            assertThat(RegistryApi.anonymous().manifestDigest(upstream)).isEqualTo(result.pushed().get(0).digest());
            RegistryApi.anonymous().deleteManifest(upstream, result.pushed().get(0).digest());
        }
    }

    @Test
    void aRegistryThatKeepsFailingGivesUpAfterThePolicysAttempts() throws Exception {
        LabelledImage image = image();
        try (FlakyRegistryProxy registry = FlakyRegistryProxy.failingManifestPuts(ENV.anonymousRegistry(), 100)) {
            String target = registry.address() + "/ci/" + DOCKER.uniqueName("push") + ":1";
            PushRequest request = PushRequest.builder(image.id()).target(target)
                    .retry(new RetryPolicy(2, Duration.ofMillis(50), Duration.ofMillis(50))).build();

            assertThatThrownBy(() -> new ImagePublisher(context()).push(request, log))
                    .isInstanceOfSatisfying(PushFailedException.class, e -> {
                        texts.add(e.getMessage());
                        assertThat(e.failure()).isEqualTo(PushFailure.TRANSIENT);
                        assertThat(e.getMessage()).contains(target).contains("2 attempts").contains("503");
                    });
            assertThat(registry.manifestPuts()).isEqualTo(2);
        }
    }

    @Test
    void aWrongPasswordFailsAtOnceNamingTheRegistryAndTheCredentialsToCheck() {
        LabelledImage image = image();
        String target = repository(ENV.authRegistry()) + ":1";
        String wrong = PASSWORD + "-wrong";
        PushRequest request = PushRequest.builder(image.id()).target(target)
                .credentials(ENV.authRegistry(), RegistryCredentials.usernamePassword(USER, wrong)).build();

        assertThatThrownBy(() -> new ImagePublisher(context()).push(request, log))
                .isInstanceOfSatisfying(RegistryAuthenticationException.class, e -> {
                    texts.add(e.getMessage());
                    assertThat(e.failure()).isEqualTo(PushFailure.CREDENTIALS_REJECTED);
                    assertThat(e.registry()).isEqualTo(ENV.authRegistry());
                    assertThat(e.reference()).isEqualTo(target);
                    assertThat(e.getMessage())
                            .contains("credentials for " + ENV.authRegistry() + " were rejected")
                            .contains("unauthorized")
                            .contains("correct them there")
                            .doesNotContain(wrong);
                });
        assertThat(logLines).noneMatch(line -> line.startsWith("WARN"));
    }

    @Test
    void missingCredentialsForTheAuthRegistrySayWhatToConfigure() {
        LabelledImage image = image();
        String target = repository(ENV.authRegistry()) + ":1";

        assertThatThrownBy(() -> new ImagePublisher(context()).push(PushRequest.builder(image.id()).target(target).build(), log))
                .isInstanceOfSatisfying(RegistryAuthenticationException.class, e -> {
                    texts.add(e.getMessage());
                    assertThat(e.failure()).isEqualTo(PushFailure.CREDENTIALS_MISSING);
                    assertThat(e.getMessage()).contains(target).contains("no basic auth credentials")
                            .contains("none are configured for " + ENV.authRegistry());
                });
    }

    @Test
    void withoutCredentialsInTheRequestThePushUsesTheRunsAndItsAdvice() throws Exception {
        LabelledImage image = image();
        ImageReference target = ImageReference.parse(repository(ENV.authRegistry()) + ":run");
        RegistryLogin wrongLogin = new RegistryLogin(ENV.authRegistry(), RegistryCredentials.usernamePassword(USER, PASSWORD + "-wrong"),
                "the run's list");
        RegistryLogins run = RegistryLogins.of(List.of(wrongLogin), registry -> "fix the run's list for " + registry);

        assertThatThrownBy(() -> new ImagePublisher(context().withRegistries(run)).push(PushRequest.builder(image.id())
                .target(target.toString()).build(), log))
                .isInstanceOfSatisfying(RegistryAuthenticationException.class, e -> {
                    texts.add(e.getMessage());
                    assertThat(e.getMessage()).contains("user " + USER + " from the run's list")
                            .contains("fix the run's list for " + ENV.authRegistry()).doesNotContain("-wrong");
                });

        RegistryLogins right = RegistryLogins.of(List.of(new RegistryLogin(ENV.authRegistry(), awkwardCredentials(), "the run's list")));
        PushResult result = new ImagePublisher(context().withRegistries(right)).push(PushRequest.builder(image.id())
                .target(target.toString()).build(), log);

        assertThat(logLines).contains("INFO Pushing " + target + " to registry " + ENV.authRegistry() + " as user " + USER
                + " (credentials from the run's list)");
        RegistryApi.basic(USER, PASSWORD).deleteManifest(target, result.pushed().get(0).digest());
    }

    @Test
    void aRegistryThatIsNotRunningIsReportedAsUnreachable() throws IOException {
        LabelledImage image = image();
        String closed = "127.0.0.1:" + freePort();
        String target = closed + "/ci/" + DOCKER.uniqueName("push") + ":1";

        assertThatThrownBy(() -> new ImagePublisher(context()).push(PushRequest.builder(image.id()).target(target).build(), log))
                .isInstanceOfSatisfying(RegistryUnreachableException.class, e -> {
                    texts.add(e.getMessage());
                    assertThat(e.getMessage()).contains("registry " + closed + " is not reachable").contains("connection refused")
                            .contains("check that the registry is running");
                });
    }

    @Test
    void anInvalidTargetIsRejectedBeforeAnythingIsTagged() {
        LabelledImage image = image();

        assertThatThrownBy(() -> PushRequest.builder(image.id()).target(ENV.anonymousRegistry() + "/CI/App:1").build())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("must be lowercase");
        assertThat(trackerEvents).isEmpty();
        assertThat(DOCKER.client().inspectImageCmd(image.id()).exec().getRepoTags()).isNullOrEmpty();
    }

    @Test
    void aSourceImageThatDoesNotExistIsReportedAndNothingIsTagged() {
        PushRequest request = PushRequest.builder("docker-ci-test/no-such-image:1").target(repository(ENV.anonymousRegistry()) + ":1").build();

        assertThatThrownBy(() -> new ImagePublisher(context()).push(request, log))
                .isInstanceOf(SourceImageNotFoundException.class)
                .hasMessageContaining("docker-ci-test/no-such-image:1");
        assertThat(trackerEvents).isEmpty();
    }

    private void assertPullByDigestGivesTheSameImage(PushResult.PushedTag pushed, LabelledImage image,
                                                     com.github.dockerjava.api.model.AuthConfig auth) throws InterruptedException {
        DockerClient docker = DOCKER.client();
        image.close();
        String pinned = pushed.pinned().toString();
        var pull = docker.pullImageCmd(pinned);
        if (auth != null) {
            pull.withAuthConfig(auth);
        }
        ResultCallback.Adapter<PullResponseItem> done = pull.exec(new ResultCallback.Adapter<>());
        assertThat(done.awaitCompletion(60, TimeUnit.SECONDS)).isTrue();
        try {
            assertThat(docker.inspectImageCmd(pinned).exec().getId()).isEqualTo(image.id());
        } finally {
            try {
                docker.removeImageCmd(image.id()).withForce(true).exec();
            } catch (NotFoundException alreadyGone) {
                // nothing was pulled; the assertion above says why
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Records tag events, and whether the tag already existed when the engine announced it. */
    private final class TagWatchingTracker implements ResourceTracker {

        @Override
        public void creating(ResourceKind kind, String name) {
            boolean exists = DOCKER.client().listImagesCmd().withReferenceFilter(name).exec().stream()
                    .anyMatch(i -> i.getRepoTags() != null && List.of(i.getRepoTags()).contains(name));
            trackerEvents.add("creating " + kind + " " + name + (exists ? " (exists)" : " (absent)"));
        }

        @Override
        public void created(ResourceKind kind, String name, String id) {
            trackerEvents.add("created " + kind + " " + name + " " + id);
        }
    }
}
