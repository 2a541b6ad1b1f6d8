package io.jenkins.plugins.dockerci.engine.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.transport.DockerHttpClient;
import io.jenkins.plugins.dockerci.engine.BuildAttribution;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.ManagedLabels;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.buildkit.BuildSecrets;
import io.jenkins.plugins.dockerci.engine.docker.DockerClients;
import io.jenkins.plugins.dockerci.engine.registry.RegistryCredentials;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins.RegistryLogin;
import io.jenkins.plugins.dockerci.engine.services.RecordingTracker;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import io.jenkins.plugins.dockerci.engine.testsupport.TestEnvironment;
import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Builds with the engine's BuildKit, through the Engine API and a session this client serves. */
class BuildKitBuilderIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    private static final String FROM = "FROM " + TestImages.BUSYBOX + "\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path context;

    private final RunContext run = DOCKER.newRun();
    private final RecordingTracker tracker = new RecordingTracker();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final List<String> builtImages = new ArrayList<>();
    private final LogSink sink = (kind, text) -> log.add(text);

    @AfterEach
    void removeBuiltImages() {
        builtImages.stream().distinct().forEach(id -> DOCKER.client().removeImageCmd(id).withForce(true).exec());
    }

    @Test
    void buildsWithBuildKitTaggedForTheRunAndLabelledWithoutBuildSteps() throws IOException {
        dockerfile(FROM + "RUN echo built-by-buildkit > /built.txt\n");
        String repo = DOCKER.uniqueName("bk");

        BuiltImage image = build(BuildRequest.builder(context).tag(repo + ":1").tag(repo + ":latest").label("com.example.team", "ci")
                .revision("abc123").builder(BuilderChoice.BUILDKIT), RegistryLogins.none());

        InspectImageResponse inspected = DOCKER.client().inspectImageCmd(image.imageId()).exec();
        assertThat(image.builder()).isEqualTo(BuilderChoice.BUILDKIT);
        assertThat(image.imageId()).isEqualTo(inspected.getId());
        // tied to the run by its run tag, as with the classic builder (BuildAttribution): no per-run label in the image
        assertThat(inspected.getRepoTags()).containsExactlyInAnyOrder(repo + ":1", repo + ":latest", BuildAttribution.runTag(run));
        assertThat(inspected.getConfig().getLabels()).containsEntry("com.example.team", "ci")
                .containsEntry(BuildRequest.OCI_REVISION, "abc123").doesNotContainKeys(ManagedLabels.RUN, ManagedLabels.CREATED);
        assertThat(history(image.imageId())).noneMatch(step -> step.contains("LABEL")).anyMatch(step -> step.contains("built-by-buildkit"));
        assertThat(tracker.events()).containsExactly("creating IMAGE " + repo + ":1", "creating TAG " + repo + ":1",
                "creating TAG " + repo + ":latest", "created IMAGE " + repo + ":1", "created TAG " + repo + ":1",
                "created TAG " + repo + ":latest");
        assertThat(log).anyMatch(line -> line.matches("#\\d+ \\[2/2] RUN echo built-by-buildkit > /built.txt"))
                .anyMatch(line -> line.matches("#\\d+ DONE \\d+\\.\\ds"))
                .anyMatch(line -> line.startsWith("Building " + repo + ":1, " + repo + ":latest from ") && line.endsWith("with BuildKit"));
    }

    @Test
    void autoPicksBuildKitOnThisEngineAndClassicStillWorks() throws IOException {
        dockerfile(FROM + "RUN echo " + UUID.randomUUID() + "\n");

        BuiltImage auto = build(BuildRequest.builder(context), RegistryLogins.none());
        assertThat(auto.builder()).isEqualTo(BuilderChoice.BUILDKIT);
        assertThat(log).anyMatch(line -> line.endsWith("with BuildKit (engine API " + DOCKER.client().versionCmd().exec().getApiVersion()
                + " on linux)"));
        log.clear();

        BuiltImage classic = build(BuildRequest.builder(context).builder(BuilderChoice.CLASSIC), RegistryLogins.none());
        assertThat(classic.builder()).isEqualTo(BuilderChoice.CLASSIC);
        assertThat(log).anyMatch(line -> line.startsWith("Step 2/"));
        assertThat(DOCKER.client().inspectImageCmd(classic.imageId()).exec().getRepoTags()).contains(BuildAttribution.runTag(run));
    }

    @Test
    void aCacheMountKeepsItsFilesForTheNextBuild() throws IOException {
        // one cache per test run: another run of this test cannot change it between the two builds
        String cacheId = "docker-ci-it-" + UUID.randomUUID();
        dockerfile(FROM + "ARG ROUND\nRUN --mount=type=cache,target=/cache,id=" + cacheId
                + " echo \"found: $(ls /cache)\" && touch /cache/from-round-$ROUND\n");
        try {
            build(BuildRequest.builder(context).buildArg("ROUND", "1").builder(BuilderChoice.BUILDKIT), RegistryLogins.none());
            assertThat(log).anyMatch(line -> line.matches("#\\d+ \\d+\\.\\d+ found: "));
            log.clear();

            build(BuildRequest.builder(context).buildArg("ROUND", "2").builder(BuilderChoice.BUILDKIT), RegistryLogins.none());
            assertThat(log).anyMatch(line -> line.matches("#\\d+ \\d+\\.\\d+ found: from-round-1"));
        } finally {
            pruneBuildCacheOf(cacheId);
        }
    }

    @Test
    void cacheFromReusesTheInlineCacheOfAnImageInARegistryWhenTheEngineHasNoCacheOfItsOwn() throws Exception {
        String marker = "inline-cache-" + UUID.randomUUID();
        // a random file in the layer: only a cache hit can give the second build the first one's layer
        dockerfile(FROM + "RUN echo " + marker + " && cat /proc/sys/kernel/random/uuid > /stamp\n");
        String repository = TestEnvironment.current().anonymousRegistry() + "/" + DOCKER.uniqueName("inline-cache");
        try {
            BuiltImage first = build(BuildRequest.builder(context).tag(repository + ":1").buildArg("BUILDKIT_INLINE_CACHE", "1")
                    .builder(BuilderChoice.BUILDKIT), RegistryLogins.none());
            List<String> firstLayers = DOCKER.client().inspectImageCmd(first.imageId()).exec().getRootFS().getLayers();
            DOCKER.client().pushImageCmd(repository).withTag("1").start().awaitCompletion();
            DOCKER.client().removeImageCmd(first.imageId()).withForce(true).exec();
            builtImages.remove(first.imageId());
            pruneBuildCacheOf(marker);
            log.clear();

            BuiltImage second = build(BuildRequest.builder(context).cacheFrom(repository + ":1").builder(BuilderChoice.BUILDKIT),
                    RegistryLogins.none());

            assertThat(DOCKER.client().inspectImageCmd(second.imageId()).exec().getRootFS().getLayers()).isEqualTo(firstLayers);
            assertThat(String.join("\n", log)).containsPattern("#(\\d+) \\[2/2] RUN echo " + marker + "[^\n]*\n(?:[^\n]*\n)*?#\\1 CACHED");
        } finally {
            pruneBuildCacheOf(marker);
            deleteFromRegistry(repository, Optional.empty());
        }
    }

    @Test
    void platformBuildsTheImageForTheNamedPlatform() throws IOException {
        // no base image and no RUN step: the engine can build for a platform it cannot run (no emulator here)
        dockerfile("FROM scratch\nCOPY Dockerfile /\n");

        BuiltImage image = build(BuildRequest.builder(context).platform("linux/arm64").builder(BuilderChoice.BUILDKIT),
                RegistryLogins.none());

        InspectImageResponse inspected = DOCKER.client().inspectImageCmd(image.imageId()).exec();
        assertThat(inspected.getOs() + "/" + inspected.getArch()).isEqualTo("linux/arm64");
    }

    @Test
    void aSecretReachesRunAndAppearsInNoLayerHistoryLabelOrLog() throws Exception {
        String secret = "s3cr:t-" + UUID.randomUUID() + "-\u00e4";
        Path secretFile = Files.writeString(context.resolveSibling(context.getFileName() + "-npmrc"), "registry-token=" + secret);
        dockerfile(FROM + "RUN --mount=type=secret,id=token --mount=type=secret,id=npmrc"
                + " md5sum /run/secrets/token && cat /run/secrets/token && echo && cat /run/secrets/npmrc && echo\n");
        BuildSecrets secrets = BuildSecrets.builder().value("token", secret, "test value").file("npmrc", secretFile).build();

        // a secret's value is not part of BuildKit's cache key: without noCache an earlier run's step would be reused
        BuiltImage image = build(BuildRequest.builder(context).secrets(secrets).label("note", "labels are public").noCache(true),
                RegistryLogins.none());

        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(secret.getBytes(StandardCharsets.UTF_8)));
        assertThat(log).anyMatch(line -> line.contains(md5 + "  /run/secrets/token"))
                .noneMatch(line -> line.contains(secret));
        // both values were printed by the step, and masked: the token alone, and the whole file's content
        assertThat(log.stream().filter(line -> line.matches("#\\d+ \\d\\.\\d+ \\*\\*\\*\\*"))).hasSize(2);
        assertThat(savedImage(image.imageId())).doesNotContain(secret).doesNotContain(Base64.getEncoder()
                .encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
        assertThat(history(image.imageId())).noneMatch(step -> step.contains(secret));
        assertThat(DOCKER.client().inspectImageCmd(image.imageId()).exec().getConfig().getLabels().values())
                .noneMatch(value -> value.contains(secret));
    }

    @Test
    void aSecretTheDockerfileNeedsButTheBuildLacksIsNamed() throws IOException {
        dockerfile(FROM + "RUN --mount=type=secret,id=npm_token,required=true cat /run/secrets/npm_token\n");

        assertThatThrownBy(() -> build(BuildRequest.builder(context).builder(BuilderChoice.BUILDKIT), RegistryLogins.none()))
                .isInstanceOf(DockerCiException.class)
                .hasMessageContaining("build secret(s) [npm_token] that the build was not given");
    }

    @Test
    void aBaseImageOnlyInTheAuthRegistryIsPulledWithTheLoginForThatRegistry() throws Exception {
        TestEnvironment env = TestEnvironment.current();
        String repository = env.authRegistry() + "/" + DOCKER.uniqueName("bk-base");
        String base = repository + ":1";
        pushToAuthRegistry(repository);
        try {
            dockerfile("FROM " + base + "\nRUN echo on-the-private-base\n");
            RegistryLogins logins = registry -> registry.equals(env.authRegistry())
                    ? Optional.of(new RegistryLogin(registry, RegistryCredentials.usernamePassword(env.authRegistryUser(),
                    env.authRegistryPassword()), "the test environment")) : Optional.empty();

            assertThatThrownBy(() -> build(BuildRequest.builder(context).pull(true).builder(BuilderChoice.BUILDKIT),
                    RegistryLogins.none()))
                    .isInstanceOf(DockerCiException.class)
                    .hasMessageContaining("failed at step `[internal] load metadata for " + base + "`, the base image of `FROM "
                            + base + "`: image " + base + " in registry " + env.authRegistry() + ": registry " + env.authRegistry()
                            + " requires credentials and none are configured for " + env.authRegistry());
            assertThat(log).contains("Base images from " + env.authRegistry() + " are pulled anonymously (no credentials"
                    + " configured for " + env.authRegistry() + ")");
            log.clear();

            BuiltImage image = build(BuildRequest.builder(context).pull(true).builder(BuilderChoice.BUILDKIT), logins);

            assertThat(image.builder()).isEqualTo(BuilderChoice.BUILDKIT);
            assertThat(log).contains("Credentials for pulling base images: " + env.authRegistry() + " as user "
                    + env.authRegistryUser() + " (from the test environment)")
                    .anyMatch(line -> line.contains("on-the-private-base"))
                    .noneMatch(line -> line.contains(env.authRegistryPassword()));
        } finally {
            deleteFromRegistry(repository, Optional.of(authRegistryAuthorization()));
        }
    }

    @Test
    void targetBuildsTheNamedStageAndSkipsStagesItDoesNotNeed() throws IOException {
        dockerfile(FROM.replace("\n", " AS unused\n") + "RUN echo in-unused && exit 1\n"
                + FROM.replace("\n", " AS first\n") + "LABEL stage=first\nRUN echo in-first\n"
                + FROM.replace("\n", " AS second\n") + "LABEL stage=second\nRUN echo in-second\n");

        BuiltImage image = build(BuildRequest.builder(context).target("first").builder(BuilderChoice.BUILDKIT), RegistryLogins.none());

        assertThat(DOCKER.client().inspectImageCmd(image.imageId()).exec().getConfig().getLabels()).containsEntry("stage", "first");
        assertThat(String.join("\n", log)).contains("in-first").doesNotContain("in-second").doesNotContain("in-unused");
    }

    @Test
    void aFailingRunNamesTheStepAndQuotesItsLastOutput() throws IOException {
        dockerfile(FROM + "RUN echo " + UUID.randomUUID() + " > /layer\nRUN echo about to fail && echo on stderr >&2 && exit 3\n");

        assertThatThrownBy(() -> build(BuildRequest.builder(context).tag(DOCKER.uniqueName("failing") + ":1")
                .builder(BuilderChoice.BUILDKIT), RegistryLogins.none()))
                .isInstanceOf(DockerCiException.class)
                .hasMessageContaining("failed at step `[3/3] RUN echo about to fail && echo on stderr >&2 && exit 3`")
                .hasMessageContaining("exit code: 3")
                // standard output and error arrive as separate streams: either line may come first
                .hasMessageMatching("(?s).*Its last 2 lines of output:\n  #\\d+ \\d\\.\\d+ .*\n  #\\d+ \\d\\.\\d+ .*")
                .satisfies(e -> assertThat(e.getMessage().substring(e.getMessage().indexOf("Its last 2 lines")))
                        .containsPattern(" about to fail(\n|$)").containsPattern(" on stderr(\n|$)"))
                .hasMessageContaining(context.resolve("Dockerfile").toRealPath().toString());
        assertThat(tracker.events()).as("reported before the build, never as created").hasSize(2)
                .allMatch(event -> event.startsWith("creating "));
    }

    @Test
    void anInterruptMidRunCancelsTheBuildOnTheEngineAndKeepsTheFlag() throws Exception {
        String marker = "docker-ci-it-" + UUID.randomUUID();
        dockerfile(FROM + "RUN echo sleeping && " + sleeper(marker) + "\n");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        Thread buildThread = new Thread(() -> {
            try {
                build(BuildRequest.builder(context).builder(BuilderChoice.BUILDKIT), RegistryLogins.none());
            } catch (RuntimeException e) {
                thrown.set(e);
            }
            flagAfter.set(Thread.currentThread().isInterrupted());
        });
        buildThread.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> log.stream().anyMatch(line -> line.endsWith(" sleeping")));
        assertThat(processesWith(marker)).as("the RUN step's processes").isNotEmpty();

        buildThread.interrupt();
        buildThread.join(Duration.ofSeconds(60).toMillis());

        assertThat(buildThread.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(DockerCiException.class)
                .hasMessageContaining("was interrupted (at step `[2/2] RUN echo sleeping && sh -c")
                .hasMessageContaining("canceled on the engine");
        assertThat(flagAfter.get()).isTrue();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(processesWith(marker)).isEmpty());
        assertThat(DOCKER.client().listContainersCmd().withShowAll(true).exec())
                .noneMatch(container -> String.valueOf(container.getCommand()).contains(marker));
    }

    @Test
    void aBuildThatOutlivesItsTimeoutIsCanceled() throws IOException {
        String marker = "docker-ci-it-" + UUID.randomUUID();
        dockerfile(FROM + "RUN " + sleeper(marker) + "\n");

        assertThatThrownBy(() -> build(BuildRequest.builder(context).timeout(Duration.ofSeconds(5)).builder(BuilderChoice.BUILDKIT),
                RegistryLogins.none()))
                .isInstanceOf(DockerCiException.class)
                .hasMessageContaining("did not finish within 5.0s (at step `[2/2] RUN sh -c")
                .hasMessageContaining("Raise the build timeout");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(processesWith(marker)).isEmpty());
    }

    /**
     * A command that sleeps in a shell whose command line holds the marker ({@code $0}); the trailing {@code true}
     * keeps the shell from replacing itself with {@code sleep}.
     */
    private static String sleeper(String marker) {
        return "sh -c 'sleep 300; true' " + marker;
    }

    private BuiltImage build(BuildRequest.Builder request, RegistryLogins logins) {
        EngineContext ctx = new EngineContext(DOCKER.client(), run, tracker).withRegistries(logins);
        BuiltImage image = new ImageBuilder(ctx).build(request.build(), sink);
        builtImages.add(image.imageId());
        return image;
    }

    private void dockerfile(String content) throws IOException {
        Files.writeString(context.resolve("Dockerfile"), content, StandardCharsets.UTF_8);
    }

    /** The {@code CreatedBy} of each history entry of the image. */
    private static List<String> history(String imageId) throws IOException {
        List<String> steps = new ArrayList<>();
        for (JsonNode entry : JSON.readTree(engineGet("/images/" + imageId + "/history"))) {
            steps.add(entry.path("CreatedBy").asText());
        }
        return steps;
    }

    /** Everything {@code docker save} writes for the image: its config (history, labels) and its layers, uncompressed. */
    private static String savedImage(String imageId) throws IOException {
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        try (InputStream in = DOCKER.client().saveImageCmd(imageId).exec()) {
            in.transferTo(saved);
        }
        return saved.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] engineGet(String path) throws IOException {
        DockerHttpClient http = DockerClients.transport(DOCKER.client()).orElseThrow();
        try (DockerHttpClient.Response response = http.execute(DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path(path).build())) {
            return response.getBody().readAllBytes();
        }
    }

    /** Host processes whose command line holds the marker (the engine runs BuildKit's steps as host processes). */
    private static List<String> processesWith(String marker) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String commandLine = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (commandLine.contains(marker)) {
                        found.add(process.getFileName() + " " + commandLine.replace('\0', ' '));
                    }
                } catch (IOException ended) {
                    // the process ended while it was looked at
                }
            }
        }
        return found;
    }

    /** Removes the build cache records a test made, and only them (found by its unique marker in their description). */
    private static void pruneBuildCacheOf(String marker) throws IOException {
        DockerHttpClient http = DockerClients.transport(DOCKER.client()).orElseThrow();
        for (JsonNode record : JSON.readTree(engineGet("/system/df")).path("BuildCache")) {
            if (record.path("Description").asText().contains(marker)) {
                String filters = JSON.writeValueAsString(java.util.Map.of("id", List.of(record.path("ID").asText())));
                try (DockerHttpClient.Response ignored = http.execute(DockerHttpClient.Request.builder()
                        .method(DockerHttpClient.Request.Method.POST)
                        .path("/build/prune?filters=" + java.net.URLEncoder.encode(filters, StandardCharsets.UTF_8)).build())) {
                    // pruned, or already gone
                }
            }
        }
    }

    private static void pushToAuthRegistry(String repository) throws InterruptedException {
        TestEnvironment env = TestEnvironment.current();
        DOCKER.client().tagImageCmd(TestImages.BUSYBOX, repository, "1").exec();
        try {
            DOCKER.client().pushImageCmd(repository).withTag("1").withAuthConfig(new AuthConfig()
                    .withRegistryAddress(env.authRegistry()).withUsername(env.authRegistryUser())
                    .withPassword(env.authRegistryPassword())).start().awaitCompletion();
        } finally {
            DOCKER.client().removeImageCmd(repository + ":1").withNoPrune(true).exec();
        }
    }

    private static String authRegistryAuthorization() {
        TestEnvironment env = TestEnvironment.current();
        return "Basic " + Base64.getEncoder().encodeToString((env.authRegistryUser() + ":" + env.authRegistryPassword())
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Deletes tag 1 of a test repository from its registry (the test registries allow deletes), so none piles up. */
    private static void deleteFromRegistry(String repository, Optional<String> authorization) throws IOException, InterruptedException {
        int slash = repository.indexOf('/');
        String registry = repository.substring(0, slash);
        String path = repository.substring(slash + 1);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest.Builder head = HttpRequest.newBuilder(URI.create("http://" + registry + "/v2/" + path + "/manifests/1"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Accept", "application/vnd.docker.distribution.manifest.v2+json");
        authorization.ifPresent(value -> head.header("Authorization", value));
        Optional<String> digest = http.send(head.build(), HttpResponse.BodyHandlers.discarding()).headers().firstValue("Docker-Content-Digest");
        if (digest.isPresent()) {
            HttpRequest.Builder delete = HttpRequest.newBuilder(URI.create("http://" + registry + "/v2/" + path + "/manifests/"
                    + digest.get())).DELETE();
            authorization.ifPresent(value -> delete.header("Authorization", value));
            http.send(delete.build(), HttpResponse.BodyHandlers.discarding());
        }
    }
}
