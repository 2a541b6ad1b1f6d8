package io.jenkins.plugins.dockerci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.cleanup.Cleaner;
import io.jenkins.plugins.dockerci.engine.cleanup.CleanupPolicy;
import io.jenkins.plugins.dockerci.engine.cleanup.OrphanReaper;
import io.jenkins.plugins.dockerci.engine.testsupport.TestEnvironment;
import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import io.jenkins.plugins.dockerci.testsupport.InstalledJenkins;
import io.jenkins.plugins.dockerci.testsupport.JenkinsDocker;
import io.jenkins.plugins.dockerci.testsupport.JenkinsHttp;
import io.jenkins.plugins.dockerci.testsupport.PluginSet;
import io.jenkins.plugins.dockerci.testsupport.Registries;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.WarExploder;

/**
 * The {@code .hpi} as an admin installs it: {@code jenkins.war} 2.541.3 started with {@code java -jar} and a fresh
 * {@code JENKINS_HOME} whose {@code plugins/} holds {@code docker-ci-steps.hpi}, exactly the plugins its manifest
 * depends on (transitively) and the Pipeline plugins; then, over HTTP only, a credential and two jobs (freestyle and
 * sandboxed Pipeline) that build, test with PostgreSQL, push to the registry that needs a login and clean up,
 * against the real engine and registries.
 *
 * <p>The jobs' XML lives in {@code src/test/resources/io/jenkins/plugins/dockerci/InstalledHpiIT/}.
 */
class InstalledHpiIT {

    @RegisterExtension
    static final JenkinsDocker DOCKER = new JenkinsDocker();

    private static final TestEnvironment ENV = TestEnvironment.current();
    private static final Set<String> PIPELINE_PLUGINS = Set.of("workflow-job", "workflow-cps", "workflow-basic-steps",
            "workflow-durable-task-step");
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);
    private static final Duration BUILD_LIMIT = Duration.ofMinutes(3);
    private static final Pattern PUSHED = Pattern.compile("(?m)^\\[docker-ci\\] Pushed (\\S+) digest (sha256:[0-9a-f]{64})");

    private static InstalledJenkins jenkins;
    private static JenkinsHttp admin;
    private static PluginSet plugins;

    @BeforeAll
    static void installAndConfigureAsAnAdminWould() throws Exception {
        Path target = targetDir();
        Path hpi = target.resolve("docker-ci-steps.hpi");
        assertThat(hpi).as("the packaged plugin (mvn package)").isRegularFile();
        Path available = target.resolve("test-classes/test-dependencies");
        List<Path> roots = new ArrayList<>(List.of(hpi));
        PIPELINE_PLUGINS.forEach(name -> roots.add(available.resolve(name + ".hpi")));
        plugins = PluginSet.resolve(roots, available);

        String password = HexFormat.of().formatHex(randomBytes(12));
        jenkins = InstalledJenkins.start(WarExploder.findJenkinsWar().toPath(), target.resolve("installed-jenkins"), home -> {
            plugins.copyInto(home.resolve("plugins"));
            Path init = Files.createDirectories(home.resolve("init.groovy.d"));
            Files.writeString(init.resolve("admin.groovy"), resource("admin.groovy").replace("@ADMIN_PASSWORD@", password));
        }, STARTUP_LIMIT);
        admin = new JenkinsHttp(jenkins.url(), "admin", password);
        admin.createSystemCredential(resource("registry-credential.xml")
                .replace("@USERNAME@", xml(ENV.authRegistryUser()))
                .replace("@PASSWORD@", xml(ENV.authRegistryPassword())));
    }

    @AfterAll
    static void stopJenkinsAndDeleteItsHome() throws IOException {
        if (jenkins == null) {
            return;
        }
        String owner = readOwnerId();
        jenkins.close();
        assertThat(jenkins.home()).as("the test Jenkins' home is deleted").doesNotExist();
        removeLeftoversOf(owner);
    }

    @Test
    void jenkinsRunsThePluginWithExactlyTheDependenciesItsManifestNames() throws Exception {
        assertThat(admin.anonymousStatus("api/json")).as("no anonymous access").isEqualTo(403);
        JsonNode installed = admin.json("pluginManager/api/json?tree=plugins[shortName,version,active,enabled]").get("plugins");
        Set<String> active = new TreeSet<>();
        installed.forEach(p -> {
            if (p.get("active").asBoolean()) {
                active.add(p.get("shortName").asText());
            }
        });
        assertThat(active).as("every plugin in plugins/ loaded").isEqualTo(plugins.hpis().keySet());
        assertThat(active).contains("docker-ci-steps", "docker-commons", "credentials", "workflow-cps");
        assertThat(admin.json("api/json?tree=numExecutors").get("numExecutors").asInt()).isPositive();
        assertThat(admin.version()).isEqualTo("2.541.3");
    }

    @Test
    void aFreestyleJobBuildsTestsWithPostgresPushesAndCleansUp() throws Exception {
        Finished build = runNewJob("freestyle");

        assertThat(build.console()).containsPattern("Cleanup of run freestyle-1-\\w+: [1-9]\\d* removed, \\d+ already gone, 0 kept, 1 kept as build cache, 0 failed");
        assertTheFlowRanAndLeftNothing(build);
    }

    @Test
    void aSandboxedPipelineDoesTheSameWithTheSteps() throws Exception {
        Finished build = runNewJob("pipeline");

        String digest = assertTheFlowRanAndLeftNothing(build);
        assertThat(build.console())
                .contains("pipeline: built sha256:")
                .contains("pipeline: pushed " + build.reference() + " at " + digest)
                .containsPattern("pipeline: cleanup removed [1-9]\\d*, failures \\[\\]");
    }

    /** A job and its first build, finished. */
    private record Finished(String reference, String console) {
    }

    /**
     * Creates job {@code name} from {@code InstalledHpiIT/<name>-job.xml}, pushing to a new repository of the registry
     * that needs a login, builds it and waits for the result, which must be SUCCESS.
     */
    private static Finished runNewJob(String name) throws Exception {
        String repository = Registries.auth() + "/" + JenkinsDocker.uniqueName("installed") + "/" + name;
        admin.createJob(name, job(name + "-job.xml", repository));
        JenkinsHttp.Build build = admin.awaitResult(name, admin.schedule(name), BUILD_LIMIT);
        String console = admin.consoleText(build);
        assertThat(build.result()).as(console).isEqualTo("SUCCESS");
        return new Finished(repository + ":" + build.number(), console);
    }

    /**
     * The test reached PostgreSQL, the push went to the registry with the digest the console shows, the password never
     * showed, and nothing of this Jenkins is left on the engine; returns the pushed digest.
     */
    private static String assertTheFlowRanAndLeftNothing(Finished build) throws Exception {
        assertThat(build.console())
                .contains("Service 'db' ready after")
                .containsPattern("tests: PostgreSQL at db:\\d+ answered the SSL request with 'N'")
                .contains("Finished: SUCCESS");
        String digest = assertPushed(build.console(), build.reference());
        assertSecretNeverShown(build.console());
        assertNothingLeftOnTheEngine();
        return digest;
    }

    /**
     * The console names the pushed reference with the digest the registry serves; returns the digest. The pushed tag
     * is deleted from the registry afterwards.
     */
    private static String assertPushed(String console, String reference) throws Exception {
        Matcher pushed = PUSHED.matcher(console);
        assertThat(pushed.find()).as("a pushed line in:\n" + console).isTrue();
        assertThat(pushed.group(1)).isEqualTo(reference);
        String digest = pushed.group(2);
        String repository = reference.substring(reference.indexOf('/') + 1, reference.lastIndexOf(':'));
        String tag = reference.substring(reference.lastIndexOf(':') + 1);
        try {
            assertThat(Registries.digest(repository, tag)).hasValue(digest);
        } finally {
            Registries.delete(repository, tag);
        }
        return digest;
    }

    /** Neither the console nor Jenkins' own log shows the registry password, plain or in a basic-auth header. */
    private static void assertSecretNeverShown(String console) throws IOException {
        String log = new String(Files.readAllBytes(jenkins.log()), StandardCharsets.UTF_8);
        for (String secret : List.of(Registries.password(), Registries.basicToken())) {
            assertThat(console).doesNotContain(secret);
            assertThat(log).doesNotContain(secret);
        }
    }

    private static void assertNothingLeftOnTheEngine() throws IOException {
        String ownerId = readOwnerId();
        assertThat(ownerId).startsWith("jenkins-");
        assertThat(DOCKER.resourcesOf(ownerId)).as("resources labelled with the Jenkins' owner id").isEmpty();
    }

    private static String job(String resource, String repository) {
        String check = resource("check.sh").strip();
        String xml = resource(resource)
                .replace("@CHECK_SCRIPT_GROOVY@", check.replace("\\", "\\\\"))
                .replace("@CHECK_SCRIPT@", check)
                .replace("@BUSYBOX@", TestImages.BUSYBOX)
                .replace("@POSTGRES@", TestImages.POSTGRES)
                .replace("@LOCAL_REPOSITORY@", JenkinsDocker.uniqueName("installed-local"))
                .replace("@REPOSITORY@", repository)
                .replace("@REGISTRY@", Registries.auth());
        assertThat(xml).as(resource + " has a placeholder nobody fills in").doesNotContainPattern("@[A-Z_]+@");
        return xml;
    }

    private static String readOwnerId() throws IOException {
        Path file = jenkins.home().resolve("io.jenkins.plugins.dockerci.owner-id");
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : null;
    }

    // the build cache kept on purpose, and whatever a failed test left: removed by the engine's reaper, by this
    // Jenkins' owner id only
    private static void removeLeftoversOf(String owner) throws IOException {
        if (owner == null) {
            return;
        }
        DOCKER.removeCacheOf(owner);
        if (DOCKER.resourcesOf(owner).isEmpty()) {
            return;
        }
        try (Cleaner cleaner = Cleaner.open(ENV.dockerEndpoint(), Cleaner.DEFAULT_CALL_TIMEOUT, LogSink.NONE)) {
            new OrphanReaper(cleaner, CleanupPolicy.REMOVE_ALL, LogSink.NONE, Clock.systemUTC())
                    .reap(owner, run -> false, Duration.ZERO);
        }
    }

    private static String resource(String name) {
        try (InputStream in = InstalledHpiIT.class.getResourceAsStream("InstalledHpiIT/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource InstalledHpiIT/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Path targetDir() throws URISyntaxException {
        // target/test-classes is where this class was loaded from
        return Path.of(InstalledHpiIT.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    }
}
