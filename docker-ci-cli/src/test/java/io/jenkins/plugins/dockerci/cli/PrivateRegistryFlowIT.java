package io.jenkins.plugins.dockerci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerci.engine.ManagedLabels;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerCliConfigs;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import io.jenkins.plugins.dockerci.engine.testsupport.PrivateImages;
import io.jenkins.plugins.dockerci.engine.testsupport.TestEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance of private registries on the command line: a whole flow (build → test with a service → push) whose
 * every image lives only in the basic-auth registry passes with credentials from each of the CLI's sources, and fails
 * saying what to fix when they are missing or wrong — with nothing labelled left in every case.
 */
class PrivateRegistryFlowIT {

    @RegisterExtension
    @Order(1)
    static final DockerExtension DOCKER = new DockerExtension();

    // after the engine is connected; removed from the registry before the leak check
    @RegisterExtension
    @Order(2)
    static final PrivateImages IMAGES = PrivateImages.ofAFlow(DOCKER);

    private static final TestEnvironment ENV = TestEnvironment.current();
    private static final String REGISTRY = ENV.authRegistry();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private String pushed;

    @BeforeEach
    void project() throws IOException {
        pushed = IMAGES.reference("base").replace("/base:1", "/app:" + DOCKER.uniqueName("run"));
        IMAGES.deleteAfterwards(pushed);
        Files.writeString(dir.resolve("Dockerfile"), "FROM " + IMAGES.reference("base") + "\nRUN echo app > /app\n");
    }

    @AfterEach
    void nothingLabelledLeftNoLocalCopyNoSecretPrinted() {
        IMAGES.removeLocalCopies();
        assertThat(DOCKER.labelled(ManagedLabels.OWNER, DOCKER.ownerId())).isEmpty();
        assertThat(output()).doesNotContain(ENV.authRegistryPassword());
    }

    private Path flow(String buildRegistry) throws IOException {
        // the classic builder: its pull sends every known login (the helper's 'list') and quotes the registry's own
        // words; BuildKit asks the session per registry, and a BuildKit build from a private base is BuildKitBuilderIT's
        return Files.writeString(dir.resolve("docker-ci.yml"), """
                dockerBuild:
                  tags: [%1$s:1]
                  builder: classic
                %2$s
                dockerTest:
                  image: %3$s
                  command: wget -qO- http://web:8080/ && echo private-tests-passed
                  services:
                    - image: %4$s
                      alias: web
                      command: httpd -f -p 8080 -h /var/www
                      ports: [8080]
                dockerPush:
                  tags: ['%5$s']
                """.formatted(DOCKER.uniqueName("app"), buildRegistry, IMAGES.reference("tests"), IMAGES.reference("service"), pushed));
    }

    private int run(Map<String, String> credentialEnv, String... args) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("DOCKER_CI_OWNER", DOCKER.ownerId());
        env.put("DOCKER_CI_HOME", dir.resolve("state").toString());
        env.put("DOCKER_HOST", DOCKER.endpoint().host());
        env.putAll(credentialEnv);
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        return Main.execute(args, env, print, print);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private void assertPassedPullingEveryImageWith(int exit, String origin) {
        assertThat(exit).as(output()).isZero();
        String as = " from registry " + REGISTRY + " as user " + ENV.authRegistryUser() + " (credentials from " + origin + ")";
        assertThat(output()).contains("Credentials for pulling base images: " + REGISTRY + " as user " + ENV.authRegistryUser()
                        + " (from " + origin + ")",
                "Pulling " + IMAGES.reference("tests") + " for the tests" + as,
                "Pulling " + IMAGES.reference("service") + " for service 'web'" + as,
                "private-tests-passed",
                "Pushing " + pushed + " to registry " + REGISTRY + " as user " + ENV.authRegistryUser() + " (credentials from " + origin + ")",
                "==> dockerCleanup");
    }

    @Test
    void theFlowFilesRegistryEntryWithEnvironmentVariables() throws IOException {
        Path file = flow("  registry: {url: " + REGISTRY + ", usernameVariable: REG_USER, passwordVariable: REG_PASSWORD}");
        Map<String, String> env = new HashMap<>(DockerCliConfigs.empty(dir.resolve("docker-config")));
        env.put("REG_USER", ENV.authRegistryUser());
        env.put("REG_PASSWORD", ENV.authRegistryPassword());

        int exit = run(env, "run", "-f", file.toString());

        assertPassedPullingEveryImageWith(exit, "the flow file's registry entry dockerBuild.registry (environment variables REG_USER"
                + " and REG_PASSWORD)");
    }

    @Test
    void configJsonWrittenByDockerLogin() throws IOException {
        Path config = dir.resolve("docker-config");

        int exit = run(DockerCliConfigs.withAuths(config, REGISTRY, ENV.authRegistryUser(), ENV.authRegistryPassword()),
                "run", "-f", flow("").toString());

        assertPassedPullingEveryImageWith(exit, "the auths entry of " + config.resolve("config.json") + " (docker login)");
    }

    @Test
    void aCredentialHelperOnThePath() throws IOException {
        Path config = dir.resolve("docker-config");

        int exit = run(DockerCliConfigs.withHelper(config, REGISTRY, ENV.authRegistryUser(), ENV.authRegistryPassword()),
                "run", "-f", flow("").toString());

        assertPassedPullingEveryImageWith(exit, "the credential helper docker-credential-" + DockerCliConfigs.HELPER
                + " (credsStore in " + config.resolve("config.json") + ")");
        assertThat(Files.readAllLines(config.resolve("calls.log"))).contains("get " + REGISTRY, "list unused");
    }

    @Test
    void withoutCredentialsTheRunSaysNoneAreConfiguredAndNamesTheCommandLinesSources() throws IOException {
        Path config = dir.resolve("docker-config");
        Path file = flow("");

        int exit = run(DockerCliConfigs.empty(config), "run", "-f", file.toString());

        assertThat(exit).as(output()).isEqualTo(Main.DOCKER_ERROR);
        assertThat(output()).contains("`FROM " + IMAGES.reference("base") + "`: image " + IMAGES.reference("base") + " in registry "
                + REGISTRY + ": registry " + REGISTRY + " requires credentials and none are configured for " + REGISTRY,
                "add it to the flow file as registry: {url: " + REGISTRY + ", usernameVariable: <VAR>, passwordVariable: <VAR>}",
                "run 'docker login " + REGISTRY + "' (the Docker configuration used is " + config.resolve("config.json") + ")",
                "or set up a credential helper for it")
                .doesNotContain("credentials ID");

        out.reset();
        int testOnly = run(DockerCliConfigs.empty(config), "run", "-f", file.toString(), "--only", "test");

        assertThat(testOnly).as(output()).isEqualTo(Main.DOCKER_ERROR);
        assertThat(output()).contains("Image " + IMAGES.reference("tests") + " in registry " + REGISTRY + " (needed for the tests):"
                + " registry " + REGISTRY + " requires credentials and none are configured for " + REGISTRY);
    }

    @Test
    void wrongCredentialsAreRejectedNamingTheirSource() throws IOException {
        Path file = flow("  registry: {url: " + REGISTRY + ", usernameVariable: REG_USER, passwordVariable: REG_PASSWORD}");
        Map<String, String> env = new HashMap<>(DockerCliConfigs.empty(dir.resolve("docker-config")));
        env.put("REG_USER", ENV.authRegistryUser());
        env.put("REG_PASSWORD", ENV.authRegistryPassword() + "-wrong");

        int exit = run(env, "run", "-f", file.toString());

        assertThat(exit).as(output()).isEqualTo(Main.DOCKER_ERROR);
        assertThat(output()).contains("the credentials for " + REGISTRY + " were rejected: user " + ENV.authRegistryUser()
                + " from the flow file's registry entry dockerBuild.registry (environment variables REG_USER and REG_PASSWORD)"
                + " (the registry said: unauthorized: authentication required)");
    }
}
