package io.jenkins.plugins.dockerci.engine.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import io.jenkins.plugins.dockerci.engine.BuildAttribution;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.ManagedLabels;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.cleanup.Cleaner;
import io.jenkins.plugins.dockerci.engine.cleanup.CleanupPolicy;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import io.jenkins.plugins.dockerci.engine.testsupport.TestEnvironment;
import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The classic builder (deprecated by Docker, still chosen with {@code builder: classic}); BuildKit: {@link BuildKitBuilderIT}. */
class ImageBuilderIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    // no labels of ours: the classic builder would append an uncached LABEL step per label after any changed layer
    private static final String FROM = "FROM " + TestImages.BUSYBOX + "\n";
    private static final Pattern LAYER = Pattern.compile(" ---> ([0-9a-f]{12})");
    private static final Pattern RUNNING_IN = Pattern.compile(" ---> Running in ([0-9a-f]{12})");

    @TempDir
    Path context;

    private final RunContext run = DOCKER.newRun();
    private final List<String> tracked = Collections.synchronizedList(new ArrayList<>());
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final List<String> builtImages = new ArrayList<>();
    private final ImageBuilder builder = new ImageBuilder(new EngineContext(DOCKER.client(), run, new RecordingTracker()));
    private final LogSink sink = (kind, text) -> log.add(text);

    @AfterEach
    void removeBuiltImages() {
        // a fully cached rebuild within the same second yields the same image again
        builtImages.stream().distinct().forEach(id -> DOCKER.client().removeImageCmd(id).withForce(true).exec());
    }

    @Test
    void buildsAnImageWithTwoTagsRunAndOciLabelsAndReportsItBeforeBuilding() throws IOException {
        dockerfile(FROM + "RUN echo built > /built.txt\n");
        String repo = DOCKER.uniqueName("app");
        Instant created = Instant.parse("2026-11-27T12:00:00Z");

        BuiltImage image = build(BuildRequest.builder(context).tag(repo + ":1").tag(repo + ":latest")
                .label("com.example.team", "ci").revision("abc123").source("https://git.example.com/app.git").created(created));

        InspectImageResponse inspected = DOCKER.client().inspectImageCmd(image.imageId()).exec();
        assertThat(inspected.getRepoTags()).containsExactlyInAnyOrder(repo + ":1", repo + ":latest", BuildAttribution.runTag(run));
        assertThat(inspected.getConfig().getLabels())
                .doesNotContainKeys(ManagedLabels.MANAGED, ManagedLabels.OWNER, ManagedLabels.RUN, ManagedLabels.CREATED)
                .containsEntry("com.example.team", "ci")
                .containsEntry(BuildRequest.OCI_REVISION, "abc123")
                .containsEntry(BuildRequest.OCI_SOURCE, "https://git.example.com/app.git")
                .containsEntry(BuildRequest.OCI_CREATED, "2026-11-27T12:00:00Z");
        assertThat(image.imageId()).startsWith("sha256:").isEqualTo(inspected.getId());
        assertThat(image.tags()).containsExactly(repo + ":1", repo + ":latest");
        assertThat(image.duration()).isPositive();
        assertThat(tracked).containsExactly(
                "creating IMAGE " + repo + ":1", "creating TAG " + repo + ":1", "creating TAG " + repo + ":latest",
                "created IMAGE " + repo + ":1 " + image.imageId(), "created TAG " + repo + ":1 " + image.imageId(),
                "created TAG " + repo + ":latest " + image.imageId());
        assertThat(log).contains("Step 2/6 : RUN echo built > /built.txt")
                .anyMatch(line -> line.startsWith("Sent the build context: "));
    }

    @Test
    void buildArgsAreSeenByRun() throws IOException {
        dockerfile(FROM + "ARG GREETING\nARG EMPTY\nRUN echo \"greeting=[$GREETING] empty=[$EMPTY]\"\n");

        build(BuildRequest.builder(context).buildArg("GREETING=hello world=1").buildArg("EMPTY="));

        assertThat(log).contains("greeting=[hello world=1] empty=[]");
    }

    @Test
    void targetBuildsOnlyUpToTheNamedStage() throws IOException {
        dockerfile(FROM.replace("\n", " AS first\n") + "LABEL stage=first\nRUN echo in-first\n"
                + FROM.replace("\n", " AS second\n") + "LABEL stage=second\nRUN echo in-second\n");

        BuiltImage image = build(BuildRequest.builder(context).target("first"));

        assertThat(DOCKER.client().inspectImageCmd(image.imageId()).exec().getConfig().getLabels()).containsEntry("stage", "first");
        assertThat(log).contains("in-first").doesNotContain("in-second");
    }

    @Test
    void secondBuildHitsTheCacheAndNoCachePreventsIt() throws IOException {
        dockerfile(FROM + "RUN echo " + UUID.randomUUID() + " > /unique\n");

        build(BuildRequest.builder(context));
        assertThat(log).doesNotContain(" ---> Using cache");
        log.clear();
        build(BuildRequest.builder(context));
        assertThat(log).contains(" ---> Using cache");
        log.clear();
        build(BuildRequest.builder(context).noCache(true));
        assertThat(log).doesNotContain(" ---> Using cache");
    }

    @Test
    void failingRunNamesTheStepAndLeavesNoContainerOrImageBehind() throws IOException {
        dockerfile(FROM + "RUN echo " + UUID.randomUUID() + " > /layer\nRUN echo about to fail && exit 3\n");

        assertThatThrownBy(() -> build(BuildRequest.builder(context).tag(DOCKER.uniqueName("failing") + ":1")))
                .isInstanceOf(DockerCiException.class)
                .hasMessageContaining("step 3/3 `RUN echo about to fail && exit 3` returned a non-zero code: 3")
                .hasMessageContaining(context.resolve("Dockerfile").toRealPath().toString());

        assertThat(log).contains("about to fail");
        assertNothingLeftBehind();
    }

    @Test
    void missingBaseImageNamesTheFromStep() throws IOException {
        String missing = "127.0.0.1:5000/dci/does-not-exist:" + UUID.randomUUID().toString().substring(0, 8);
        dockerfile("FROM " + missing + "\nRUN true\n");

        assertThatThrownBy(() -> build(BuildRequest.builder(context)))
                .isInstanceOf(DockerCiException.class)
                .hasMessageContaining("failed at step 1/2 `FROM " + missing + "`")
                .hasMessageContaining("not found");
        assertNothingLeftBehind();
    }

    @Test
    void dockerfileSyntaxErrorIsReportedWithTheEnginesMessage() throws IOException {
        dockerfile(FROM + "FOO bar\n");

        assertThatThrownBy(() -> build(BuildRequest.builder(context)))
                .isInstanceOf(DockerCiException.class)
                .hasMessageContaining("failed before the first step: dockerfile parse error line 2: unknown instruction: FOO");
        assertNothingLeftBehind();
    }

    @Test
    void invalidReferenceIsRejectedBeforeAnythingIsReported() throws IOException {
        dockerfile(FROM);

        assertThatThrownBy(() -> build(BuildRequest.builder(context).tag("Team/App:1")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Invalid image reference 'Team/App:1'");
        assertThat(tracked).isEmpty();
        assertThat(log).isEmpty();
    }

    @Test
    void symlinksAreSentAsLinksWithModesAndTimesKept() throws IOException {
        dockerfile(FROM + "COPY . /ctx\nRUN cd /ctx && stat -c '%n %a %Y' script.sh data.txt && readlink outside-link && readlink dir-link\n");
        Path script = Files.writeString(context.resolve("script.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
        Path data = Files.writeString(context.resolve("data.txt"), "data\n");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setLastModifiedTime(script, FileTime.from(Instant.parse("2020-01-02T03:04:05.678Z")));
        Files.setLastModifiedTime(data, FileTime.from(Instant.parse("2021-06-07T08:09:10Z")));
        Files.createSymbolicLink(context.resolve("outside-link"), Path.of("/etc/hostname"));
        Files.createSymbolicLink(context.resolve("dir-link"), Path.of(".."));

        build(BuildRequest.builder(context));

        assertThat(log).contains("script.sh 750 " + Instant.parse("2020-01-02T03:04:05Z").getEpochSecond(),
                "data.txt 644 " + Instant.parse("2021-06-07T08:09:10Z").getEpochSecond(), "/etc/hostname", "..");
    }

    @Test
    void dockerfileOutsideTheContextIsSentUnderAGeneratedNameAndHiddenFromCopy(@TempDir Path elsewhere) throws IOException {
        Files.writeString(context.resolve("app.txt"), "app\n");
        Path outside = Files.writeString(elsewhere.resolve("Dockerfile.ci"),
                FROM + "COPY . /ctx\nRUN echo BEGIN-LIST && cd /ctx && find . | sort && echo END-LIST\n");

        build(BuildRequest.builder(context).dockerfile(outside));

        assertThat(ContextTrees.listing(log)).containsExactly(".", "./app.txt");
    }

    @Test
    void interruptStopsTheBuildAndKeepsTheInterruptFlag() throws Exception {
        dockerfile(FROM + "RUN echo " + UUID.randomUUID() + " && echo sleeping && sleep 60\n");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        Thread buildThread = new Thread(() -> {
            try {
                build(BuildRequest.builder(context));
            } catch (RuntimeException e) {
                thrown.set(e);
            }
            flagAfter.set(Thread.currentThread().isInterrupted());
        });
        buildThread.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> log.contains("sleeping"));

        buildThread.interrupt();
        buildThread.join(Duration.ofSeconds(30).toMillis());

        assertThat(buildThread.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(DockerCiException.class).hasMessageContaining("was interrupted (at step 2/2");
        assertThat(flagAfter.get()).isTrue();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(this::assertNothingLeftBehind);
    }

    @Test
    void buildInterruptedAtItsLabelStepsLeavesNoImageAfterCleanup() throws Exception {
        // the engine applies the requested labels one LABEL step each and commits the step in progress after the
        // response is closed: an interrupt at each of those steps, several times, meets the late image that neither
        // the log nor cleanup by run knows about
        try (Cleaner cleaner = Cleaner.open(DOCKER.endpoint(), Duration.ofSeconds(30), LogSink.NONE)) {
            for (int round = 0; round < 6; round++) {
                int labelStep = round % 2 + 1;
                String marker = UUID.randomUUID().toString();
                dockerfile(FROM + "RUN echo " + marker + "\n");
                RunContext interruptedRun = DOCKER.newRun();
                List<String> lines = Collections.synchronizedList(new ArrayList<>());
                AtomicReference<Throwable> thrown = new AtomicReference<>();

                Thread buildThread = new Thread(() -> {
                    try {
                        new ImageBuilder(new EngineContext(DOCKER.client(), interruptedRun, ResourceTracker.NONE))
                                .build(BuildRequest.builder(context).label("com.example.round", marker).label("com.example.step", "late")
                                        .builder(BuilderChoice.CLASSIC).build(), interruptAtLabelStep(labelStep, lines));
                    } catch (RuntimeException e) {
                        thrown.set(e);
                    }
                });
                buildThread.start();
                buildThread.join(Duration.ofSeconds(60).toMillis());
                cleaner.cleanupRun(interruptedRun, CleanupPolicy.REMOVE_ALL);
                DOCKER.removeCache();

                String where = "interrupted at LABEL step " + labelStep + ": " + thrown.get();
                assertThat(buildThread.isAlive()).as(where).isFalse();
                assertThat(DOCKER.client().listImagesCmd().withShowAll(true).withLabelFilter(Map.of("com.example.round", marker)).exec())
                        .extracting(image -> image.getId() + " " + Arrays.toString(image.getRepoTags()) + " " + image.getLabels())
                        .as("images of the round left, " + where + "; log: " + lines).isEmpty();
                if (thrown.get() != null) {
                    assertNothingLeftBehind(lines);
                }
            }
        }
    }

    @Test
    void buildThatOutlivesItsTimeoutIsStoppedAndLeavesNothingBehind() throws IOException {
        dockerfile(FROM + "RUN echo " + UUID.randomUUID() + " && echo sleeping && sleep 60\n");

        assertThatThrownBy(() -> build(BuildRequest.builder(context).timeout(Duration.ofSeconds(3))))
                .isInstanceOf(DockerCiException.class)
                .hasMessageContaining("did not finish within 3.0 s (at step 2/2")
                .hasMessageContaining("Raise the build timeout");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(this::assertNothingLeftBehind);
    }

    @Test
    void pullFetchesTheBaseImageFromTheRegistryAndLogsIt() throws Exception {
        String base = TestEnvironment.current().anonymousRegistry() + "/" + DOCKER.uniqueName("base") + ":1";
        docker("tag", TestImages.BUSYBOX, base);
        try {
            docker("push", base);
        } finally {
            docker("rmi", base);
        }
        dockerfile("FROM " + base + "\nRUN echo pulled-base\n");
        try {
            build(BuildRequest.builder(context).pull(true));
        } finally {
            DOCKER.client().removeImageCmd(base).exec();
        }

        assertThat(log).anyMatch(line -> line.contains("Pulling from")).contains("pulled-base");
    }

    private BuiltImage build(BuildRequest.Builder request) {
        BuiltImage image = builder.build(request.builder(BuilderChoice.CLASSIC).build(), sink);
        builtImages.add(image.imageId());
        return image;
    }

    private static void docker(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DOCKER_HOST", DOCKER.endpoint().host());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("docker %s: %s", String.join(" ", args), output).isZero();
    }

    private void dockerfile(String content) throws IOException {
        Files.writeString(context.resolve("Dockerfile"), content, StandardCharsets.UTF_8);
    }

    /** Logs into {@code lines} and interrupts the calling build's thread when the nth LABEL step starts. */
    private static LogSink interruptAtLabelStep(int nth, List<String> lines) {
        Thread buildThread = Thread.currentThread();
        AtomicInteger labelSteps = new AtomicInteger();
        return (kind, text) -> {
            lines.add(text);
            if (text.matches("Step \\d+/\\d+ : LABEL .*") && labelSteps.incrementAndGet() == nth) {
                buildThread.interrupt();
            }
        };
    }

    /** Every container the build ran and every layer it committed (as its log shows) is gone. */
    private void assertNothingLeftBehind() {
        assertNothingLeftBehind(log);
    }

    private static void assertNothingLeftBehind(List<String> log) {
        String base = DOCKER.client().inspectImageCmd(TestImages.BUSYBOX).exec().getId().substring(7, 19);
        for (String line : List.copyOf(log)) {
            Matcher container = RUNNING_IN.matcher(line);
            if (container.matches()) {
                assertThatThrownBy(() -> DOCKER.client().inspectContainerCmd(container.group(1)).exec())
                        .as("intermediate container %s", container.group(1)).isInstanceOf(NotFoundException.class);
                continue;
            }
            Matcher layer = LAYER.matcher(line);
            if (layer.matches() && !layer.group(1).equals(base)) {
                assertThatThrownBy(() -> DOCKER.client().inspectImageCmd(layer.group(1)).exec())
                        .as("intermediate image %s", layer.group(1)).isInstanceOf(NotFoundException.class);
            }
        }
    }

    private final class RecordingTracker implements ResourceTracker {
        @Override
        public void creating(ResourceKind kind, String name) {
            tracked.add("creating " + kind + " " + name);
        }

        @Override
        public void created(ResourceKind kind, String name, String id) {
            tracked.add("created " + kind + " " + name + " " + id);
        }
    }
}
