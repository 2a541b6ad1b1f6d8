package io.jenkins.plugins.dockerci.freestyle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.exception.NotFoundException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import io.jenkins.plugins.dockerci.action.BuildSummaryAction;
import io.jenkins.plugins.dockerci.cleanup.DockerCleanupPublisher;
import io.jenkins.plugins.dockerci.cleanup.RunLedgers;
import io.jenkins.plugins.dockerci.config.DockerCiConfiguration;
import io.jenkins.plugins.dockerci.config.RegistryEndpoint;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import io.jenkins.plugins.dockerci.engine.testsupport.TestEnvironment;
import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import io.jenkins.plugins.dockerci.params.DockerCiAction;
import io.jenkins.plugins.dockerci.params.ReadinessParameters;
import io.jenkins.plugins.dockerci.params.ServiceParameters;
import io.jenkins.plugins.dockerci.params.StepServices;
import io.jenkins.plugins.dockerci.testsupport.FreestyleBuild;
import io.jenkins.plugins.dockerci.testsupport.TestRun;
import io.jenkins.plugins.dockerci.testsupport.MapCredentialsLookup;
import io.jenkins.plugins.dockerci.testsupport.RecordingListener;
import io.jenkins.plugins.dockerci.testsupport.UsernamePassword;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A freestyle job as a user configures it, against the real engine and registries: build an image, test it with a
 * PostgreSQL service reached through templates, push it to the registry that needs a login (credentials found by the
 * plugin's lookup from the global registry list), and clean up in the post-build action.
 */
class FreestyleFlowIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    private static final TestEnvironment ENV = TestEnvironment.current();

    @TempDir
    Path workspace;
    @TempDir
    Path buildDir;

    private final RecordingListener console = new RecordingListener();
    private StepServices services;
    private String repository;

    @BeforeEach
    void job() throws IOException {
        Files.writeString(workspace.resolve("Dockerfile"), "FROM " + TestImages.POSTGRES + "\nCOPY check.sh /check.sh\n");
        Files.writeString(workspace.resolve("check.sh"), """
                set -e
                psql "$DATABASE_URL" -tAc 'select 40 + 2' > /tmp/answer
                echo "tests: the database answered $(cat /tmp/answer)"
                mkdir -p /tmp/reports && echo '<testsuite tests="1"/>' > /tmp/reports/TEST-db.xml
                exit "${TEST_EXIT:-0}"
                """);
        DockerCiConfiguration configuration = new DockerCiConfiguration();
        configuration.setRegistries(List.of(new RegistryEndpoint("http://" + ENV.authRegistry(), "registry-login")));
        MapCredentialsLookup credentials = new MapCredentialsLookup(Map.of("registry-login",
                new UsernamePassword(ENV.authRegistryUser(), ENV.authRegistryPassword())));
        services = new StepServices(configuration, credentials, DOCKER::ownerId, new RunLedgers());
        repository = ENV.authRegistry() + "/" + DOCKER.uniqueName("freestyle") + "/app";
    }

    @Test
    void passingTestsArePushedWithTheirDigestAndEverythingIsRemovedAfterwards() throws Exception {
        TestRun run = new TestRun("team/app", 7, buildDir.toFile());

        Result result = build(run, "0");

        String text = console.text();
        assertThat(result).isEqualTo(Result.SUCCESS);
        assertThat(text).contains("[docker-ci] " + DockerCiAction.IMAGE_VARIABLE + "=sha256:")
                .contains("Service 'db' ready after")
                .contains("tests: the database answered 42")
                .containsPattern("Cleanup of run team_app-7-\\w+: \\d+ removed");
        assertThat(workspace.resolve("docker-ci-reports")).isDirectoryRecursivelyContaining("glob:**/TEST-db.xml");

        String imageId = run.getAction(DockerCiAction.class).getImageId();
        BuildSummaryAction summary = run.getAction(BuildSummaryAction.class);
        assertThat(summary.getImages()).singleElement().satisfies(image -> {
            assertThat(image.getImageId()).isEqualTo(imageId);
            assertThat(image.getTags()).singleElement().asString().endsWith(":7");
        });
        assertThat(summary.getTests()).singleElement().satisfies(test -> {
            assertThat(test.getImage()).isEqualTo(imageId);
            assertThat(test.getExitCode()).isZero();
            assertThat(test.isPassed()).isTrue();
            assertThat(test.getServices()).singleElement().satisfies(service -> {
                assertThat(service.getName()).isEqualTo("db");
                assertThat(service.getImage()).isEqualTo(TestImages.POSTGRES);
                assertThat(service.getTimeToReady()).isPositive();
            });
        });
        assertThat(summary.getPushes()).singleElement().satisfies(pushed -> {
            assertThat(pushed.getReference()).isEqualTo(repository + ":7");
            assertThat(pushed.getDigest()).isEqualTo(registryDigest(repository, "7"));
        });
        assertThat(summary.getCleanups()).as("the post-build action records its cleanup once").singleElement()
                .satisfies(cleanup -> {
                    assertThat(cleanup.getRemoved()).isPositive();
                    assertThat(cleanup.isClean()).isTrue();
                });
        assertSecretsNeverShown(text);
        assertNothingLeft(imageId, repository + ":7");
    }

    @Test
    void failingTestsFailTheBuildSkipThePushAndStillCleanUp() throws Exception {
        TestRun run = new TestRun("team/app", 8, buildDir.toFile());

        Result result = build(run, "3");

        String text = console.text();
        assertThat(result).isEqualTo(Result.FAILURE);
        assertThat(text).contains("tests: the database answered 42")
                .contains("ERROR: dockerTest: the tests failed with exit code 3")
                .containsPattern("Cleanup of run team_app-8-\\w+: \\d+ removed");
        assertThat(workspace.resolve("docker-ci-reports")).as("reports are copied on failure too")
                .isDirectoryRecursivelyContaining("glob:**/TEST-db.xml");
        BuildSummaryAction summary = run.getAction(BuildSummaryAction.class);
        assertThat(summary.getTests()).singleElement().satisfies(test -> {
            assertThat(test.getExitCode()).isEqualTo(3);
            assertThat(test.getOutcomeText()).isEqualTo("failed (exit code 3)");
        });
        assertThat(summary.getPushes()).isEmpty();
        assertThat(summary.getCleanups()).singleElement().satisfies(cleanup -> assertThat(cleanup.isClean()).isTrue());
        assertSecretsNeverShown(text);
        assertNothingLeft(run.getAction(DockerCiAction.class).getImageId(), repository + ":8");
    }

    @Test
    void failingTestsCanMakeTheBuildUnstableInstead() throws Exception {
        TestRun run = new TestRun("team/lib", 9, buildDir.toFile());
        DockerTestStep test = new DockerTestStep();
        test.setImage(TestImages.BUSYBOX);
        test.setCommand("echo 'tests: 1 of 3 failed'; exit 1");
        test.setUnstableOnFailure(true);
        DockerCleanupPublisher cleanup = new DockerCleanupPublisher();

        Result result = FreestyleBuild.run(run, new FilePath(workspace.toFile()), new EnvVars(), console,
                List.of((r, ws, env, l) -> test.perform(r, ws, env, l, services)),
                List.of((r, ws, env, l) -> cleanup.perform(r, ws, env, l, services)));

        assertThat(result).isEqualTo(Result.UNSTABLE);
        assertThat(console.text()).contains("tests: 1 of 3 failed")
                .contains("[docker-ci] dockerTest: the tests failed with exit code 1; the build is UNSTABLE");
        assertThat(DOCKER.client().listContainersCmd().withShowAll(true).withLabelFilter(DOCKER.ownerFilter()).exec()).isEmpty();
    }

    @Test
    void theCleanupStepCanKeepWhatWasPushed() throws Exception {
        TestRun run = new TestRun("team/tool", 10, buildDir.toFile());
        Files.createDirectories(workspace.resolve("tool"));
        Files.writeString(workspace.resolve("tool/Dockerfile"), "FROM " + TestImages.BUSYBOX + "\nRUN echo tool > /tool\n");
        DockerBuildStep build = new DockerBuildStep();
        build.setContext("tool");
        build.setTags(DOCKER.uniqueName("tool") + ":local");
        DockerPushStep push = new DockerPushStep(repository + ":kept");
        DockerCleanupStep cleanup = new DockerCleanupStep();
        cleanup.setBuiltImagePolicy("KEEP_PUSHED");

        Result result = FreestyleBuild.run(run, new FilePath(workspace.toFile()), new EnvVars(), console,
                List.of((r, ws, env, l) -> build.perform(r, ws, env, l, services),
                        (r, ws, env, l) -> push.perform(r, ws, env, l, services),
                        (r, ws, env, l) -> cleanup.perform(r, ws, env, l, services)),
                List.of());

        assertThat(result).isEqualTo(Result.SUCCESS);
        assertThat(console.text()).containsPattern("Cleanup of run team_tool-10-\\w+: \\d+ removed, \\d+ already gone, [1-9]\\d* kept");
        String imageId = run.getAction(DockerCiAction.class).getImageId();
        assertThat(run.getAction(BuildSummaryAction.class).getCleanups()).singleElement()
                .satisfies(report -> assertThat(report.getKept()).isPositive());
        assertThat(DOCKER.client().inspectImageCmd(repository + ":kept").exec().getId()).isEqualTo(imageId);
        DOCKER.client().removeImageCmd(imageId).withForce(true).exec();
    }

    private Result build(TestRun run, String testExit) throws Exception {
        DockerBuildStep build = new DockerBuildStep();
        build.setTags(DOCKER.uniqueName("local") + ":${BUILD_NUMBER}");

        ServiceParameters db = new ServiceParameters(TestImages.POSTGRES, "db");
        ReadinessParameters ready = new ReadinessParameters();
        ready.setLog("database system is ready to accept connections");
        db.setReadiness(ready);
        DockerTestStep test = new DockerTestStep();
        test.setImage("${" + DockerCiAction.IMAGE_VARIABLE + "}");
        test.setCommand("sh /check.sh");
        test.setEnv("DATABASE_URL=postgresql://postgres@${db.host}:${db.port.5432}/postgres\nTEST_EXIT=" + testExit);
        test.setServices(List.of(db));
        test.setReports("/tmp/reports");

        // no registry in the step: the login comes from the global registry list, by the targets' registry
        DockerPushStep push = new DockerPushStep(repository + ":${BUILD_NUMBER}");

        DockerCleanupPublisher cleanup = new DockerCleanupPublisher();

        String number = run.getExternalizableId().substring(run.getExternalizableId().indexOf('#') + 1);
        EnvVars variables = new EnvVars(Map.of("BUILD_NUMBER", number, "GIT_COMMIT", "0123abcd"));
        return FreestyleBuild.run(run, new FilePath(workspace.toFile()), variables, console,
                List.of((r, ws, env, l) -> build.perform(r, ws, env, l, services),
                        (r, ws, env, l) -> test.perform(r, ws, env, l, services),
                        (r, ws, env, l) -> push.perform(r, ws, env, l, services)),
                List.of((r, ws, env, l) -> cleanup.perform(r, ws, env, l, services)));
    }

    private void assertSecretsNeverShown(String text) throws IOException {
        String password = ENV.authRegistryPassword();
        String basic = Base64.getEncoder().encodeToString((ENV.authRegistryUser() + ":" + password).getBytes(StandardCharsets.UTF_8));
        assertThat(text).doesNotContain(password).doesNotContain(basic);
        for (File file : buildDir.toFile().listFiles()) {
            assertThat(Files.readString(file.toPath())).as(file.getName()).doesNotContain(password);
        }
    }

    private void assertNothingLeft(String imageId, String pushedTag) {
        assertThat(DOCKER.client().listContainersCmd().withShowAll(true).withLabelFilter(DOCKER.ownerFilter()).exec()).isEmpty();
        assertThat(DOCKER.client().listNetworksCmd().exec()).noneMatch(n -> n.getLabels() != null
                && DOCKER.ownerId().equals(n.getLabels().get("io.jenkins.dockerci.owner")));
        assertThat(DOCKER.client().listImagesCmd().withLabelFilter(DOCKER.ownerFilter()).exec()).isEmpty();
        assertThatThrownBy(() -> DOCKER.client().inspectImageCmd(imageId).exec()).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> DOCKER.client().inspectImageCmd(pushedTag).exec()).isInstanceOf(NotFoundException.class);
        assertThat(DOCKER.client().inspectImageCmd(TestImages.POSTGRES).exec().getId()).as("the base image stays").isNotBlank();
    }

    /** The digest the registry serves for {@code repository:tag}, asked over its HTTP API with the login. */
    private static String registryDigest(String repository, String tag) throws Exception {
        String path = repository.substring(repository.indexOf('/') + 1);
        String auth = Base64.getEncoder().encodeToString((ENV.authRegistryUser() + ":" + ENV.authRegistryPassword())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest head = HttpRequest.newBuilder(URI.create("http://" + ENV.authRegistry() + "/v2/" + path + "/manifests/" + tag))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Basic " + auth)
                .header("Accept", "application/vnd.docker.distribution.manifest.v2+json")
                .build();
        HttpResponse<Void> response = HttpClient.newHttpClient().send(head, HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().firstValue("Docker-Content-Digest").orElseThrow();
    }
}
