package io.jenkins.plugins.dockerci.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.ManagedLabels;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.build.BuildRequest;
import io.jenkins.plugins.dockerci.engine.build.BuiltImage;
import io.jenkins.plugins.dockerci.engine.build.BuilderChoice;
import io.jenkins.plugins.dockerci.engine.build.ImageBuilder;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins.RegistryLogin;
import io.jenkins.plugins.dockerci.engine.services.ContainerCommand;
import io.jenkins.plugins.dockerci.engine.services.ServiceSet;
import io.jenkins.plugins.dockerci.engine.services.ServiceSpec;
import io.jenkins.plugins.dockerci.engine.services.ServiceStartException;
import io.jenkins.plugins.dockerci.engine.testrun.TestOutcome;
import io.jenkins.plugins.dockerci.engine.testrun.TestRequest;
import io.jenkins.plugins.dockerci.engine.testrun.TestRunner;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerCliConfigs;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import io.jenkins.plugins.dockerci.engine.testsupport.PrivateImages;
import io.jenkins.plugins.dockerci.engine.testsupport.TestEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every image a flow touches lives only in the basic-auth registry: a build's {@code FROM} base, a service image and
 * the test image are pulled with the credentials of each source the command line knows (its flow file's variables,
 * config.json written by {@code docker login}, a credential helper on the PATH), and fail saying what to fix without
 * them or with wrong ones, leaving nothing labelled behind.
 */
class PrivateRegistryIT {

    @RegisterExtension
    @Order(1)
    static final DockerExtension DOCKER = new DockerExtension();

    // after the engine is connected; removed from the registry before the leak check
    @RegisterExtension
    @Order(2)
    static final PrivateImages IMAGES = PrivateImages.ofAFlow(DOCKER);

    private static final TestEnvironment ENV = TestEnvironment.current();
    private static final String REGISTRY = ENV.authRegistry();
    private static final String USER = ENV.authRegistryUser();
    private static final String PASSWORD = ENV.authRegistryPassword();

    @TempDir
    Path dir;

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final LogSink sink = (kind, text) -> log.add(text);
    private final RunContext run = DOCKER.newRun();

    /** Where the credentials come from, as the command line finds them. */
    enum Source {
        FLOW_FILE_VARIABLES, CONFIG_JSON_AUTHS, CREDENTIAL_HELPER
    }

    @BeforeEach
    void noLocalCopies() {
        IMAGES.removeLocalCopies();
        assertThat(IMAGES.presentLocally("base")).isFalse();
    }

    @AfterEach
    void nothingLeftAndNoSecretLogged() {
        IMAGES.removeLocalCopies();
        assertThat(DOCKER.labelled(ManagedLabels.RUN, run.runId())).isEmpty();
        assertThat(log).noneMatch(line -> line.contains(PASSWORD));
    }

    private RegistryLogins logins(Source source, String password) throws IOException {
        Path config = dir.resolve("docker-config");
        return switch (source) {
            case FLOW_FILE_VARIABLES -> RegistryLogins.of(List.of(new RegistryLogin(REGISTRY,
                    RegistryCredentials.usernamePassword(USER, password), "environment variables REG_USER and REG_PASSWORD")));
            case CONFIG_JSON_AUTHS -> DockerConfigLogins.load(DockerCliConfigs.withAuths(config, REGISTRY, USER, password));
            case CREDENTIAL_HELPER -> DockerConfigLogins.load(DockerCliConfigs.withHelper(config, REGISTRY, USER, password));
        };
    }

    private String origin(Source source) {
        Path file = dir.resolve("docker-config").resolve("config.json");
        return switch (source) {
            case FLOW_FILE_VARIABLES -> "environment variables REG_USER and REG_PASSWORD";
            case CONFIG_JSON_AUTHS -> "the auths entry of " + file + " (docker login)";
            case CREDENTIAL_HELPER -> "the credential helper docker-credential-" + DockerCliConfigs.HELPER + " (credsStore in " + file + ")";
        };
    }

    private EngineContext context(RegistryLogins logins) {
        return new EngineContext(DOCKER.client(), run, ResourceTracker.NONE).withRegistries(logins);
    }

    private BuiltImage buildFromPrivateBase(RegistryLogins logins) throws IOException {
        Path context = Files.createDirectories(dir.resolve("context"));
        Files.writeString(context.resolve("Dockerfile"), "FROM " + IMAGES.reference("base") + "\nRUN echo built > /built\n");
        // the classic builder's pull (X-Registry-Config); BuildKit's session pulls a private base in BuildKitBuilderIT
        return new ImageBuilder(context(logins)).build(BuildRequest.builder(context).tag(DOCKER.uniqueName("built") + ":1")
                .builder(BuilderChoice.CLASSIC).build(), sink);
    }

    private void startPrivateService(RegistryLogins logins) throws InterruptedException {
        ServiceSpec web = ServiceSpec.builder("web", IMAGES.reference("service")).expose(8080)
                .command(ContainerCommand.shell("exec httpd -f -p 8080 -h /var/www")).build();
        try (ServiceSet services = ServiceSet.start(context(logins), List.of(web), sink)) {
            assertThat(services.services()).containsKey("web");
        }
    }

    private TestOutcome testInPrivateImage(RegistryLogins logins) {
        return new TestRunner(context(logins)).run(TestRequest.builder(IMAGES.reference("tests"))
                .command(ContainerCommand.shell("echo tests-in-the-private-image")).build(), sink);
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void aClassicBuildPullsItsPrivateBaseWithTheCredentials(Source source) throws IOException {
        BuiltImage built = buildFromPrivateBase(logins(source, PASSWORD));
        try {
            assertThat(IMAGES.presentLocally("base")).isTrue();
            assertThat(log).contains("Credentials for pulling base images: " + REGISTRY + " as user " + USER + " (from " + origin(source) + ")");
        } finally {
            DOCKER.client().removeImageCmd(built.imageId()).withForce(true).exec();
        }
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void aPrivateServiceImageIsPulledWithTheCredentials(Source source) throws Exception {
        startPrivateService(logins(source, PASSWORD));

        assertThat(log).contains("Pulling " + IMAGES.reference("service") + " for service 'web' from registry " + REGISTRY + " as user "
                + USER + " (credentials from " + origin(source) + ")");
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void testsRunInAPrivateTestImagePulledWithTheCredentials(Source source) throws IOException {
        TestOutcome outcome = testInPrivateImage(logins(source, PASSWORD));

        assertThat(outcome.passed()).isTrue();
        assertThat(log).contains("Pulling " + IMAGES.reference("tests") + " for the tests from registry " + REGISTRY + " as user "
                + USER + " (credentials from " + origin(source) + ")", "tests-in-the-private-image");
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void wrongCredentialsAreRejectedNamingTheirSourceForEachKindOfImage(Source source) throws IOException {
        RegistryLogins wrong = logins(source, PASSWORD + "-wrong");
        String rejected = "the credentials for " + REGISTRY + " were rejected: user " + USER + " from " + origin(source)
                + " (the registry said: unauthorized: authentication required)";

        assertThatThrownBy(() -> buildFromPrivateBase(wrong)).isInstanceOf(DockerCiException.class)
                .hasMessageContaining("`FROM " + IMAGES.reference("base") + "`: image " + IMAGES.reference("base") + " in registry "
                        + REGISTRY + ": " + rejected);
        assertThatThrownBy(() -> startPrivateService(wrong)).isInstanceOf(ServiceStartException.class)
                .hasMessageContaining("Service 'web' cannot start: Image " + IMAGES.reference("service") + " in registry " + REGISTRY
                        + " (needed for service 'web'): " + rejected);
        assertThatThrownBy(() -> testInPrivateImage(wrong)).isInstanceOfSatisfying(ImagePullException.class, e -> {
            assertThat(e.failure()).isEqualTo(RegistryFailure.CREDENTIALS_REJECTED);
            assertThat(e.getMessage()).startsWith("Image " + IMAGES.reference("tests") + " in registry " + REGISTRY
                    + " (needed for the tests): " + rejected).doesNotContain(PASSWORD);
        });
    }

    @ParameterizedTest
    @EnumSource(value = Source.class, names = {"CONFIG_JSON_AUTHS", "CREDENTIAL_HELPER"})
    void withoutCredentialsForTheRegistryEachKindOfImageSaysNoneAreConfiguredAndHowToAddThem(Source source) throws IOException {
        // the Docker configuration exists but knows only another registry
        RegistryLogins others = source == Source.CONFIG_JSON_AUTHS
                ? DockerConfigLogins.load(DockerCliConfigs.withAuths(dir.resolve("docker-config"), "127.0.0.1:5999", USER, PASSWORD))
                : DockerConfigLogins.load(DockerCliConfigs.withHelper(dir.resolve("docker-config"), "127.0.0.1:5999", USER, PASSWORD));
        String none = "registry " + REGISTRY + " requires credentials and none are configured for " + REGISTRY;
        String advice = "run 'docker login " + REGISTRY + "' (the Docker configuration used is " + dir.resolve("docker-config/config.json") + ")";

        assertThatThrownBy(() -> buildFromPrivateBase(others)).hasMessageContaining("`FROM " + IMAGES.reference("base") + "`: image "
                + IMAGES.reference("base") + " in registry " + REGISTRY + ": " + none).hasMessageEndingWith(advice + ".");
        assertThatThrownBy(() -> startPrivateService(others)).hasMessageContaining(none).hasMessageEndingWith(advice + ".");
        assertThatThrownBy(() -> testInPrivateImage(others)).isInstanceOfSatisfying(ImagePullException.class, e -> {
            assertThat(e.failure()).isEqualTo(RegistryFailure.CREDENTIALS_MISSING);
            assertThat(e.registry()).isEqualTo(REGISTRY);
            assertThat(e.getMessage()).contains(none).endsWith(advice + ".");
        });
        assertThat(log).contains("Pulling " + IMAGES.reference("tests") + " for the tests from registry " + REGISTRY
                + " anonymously (no credentials configured for " + REGISTRY + ")");
    }
}
