package io.jenkins.plugins.dockerci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dockerci.engine.BuildAttribution;
import io.jenkins.plugins.dockerci.engine.ManagedLabels;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import io.jenkins.plugins.dockerci.engine.testsupport.TestEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code docker-ci run} in-process against the real engine and registries. */
class DockerCiRunIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    private static final TestEnvironment ENV = TestEnvironment.current();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void theExampleBuildsTestsAgainstPostgresAndRedisPushesAndLeavesNothing() throws Exception {
        Path project = copyExample();
        Path report = dir.resolve("report.json");

        int exit = run(project, Map.of("BUILD_NUMBER", "it", "REGISTRY", ENV.authRegistry()),
                "run", "-f", project.resolve("docker-ci.yml").toString(), "--json", report.toString());

        assertThat(exit).as(output()).isZero();
        assertThat(output()).contains("==> dockerBuild", "==> dockerTest", "6 passed", "==> dockerPush", "==> dockerCleanup")
                .doesNotContain(ENV.authRegistryPassword());
        JsonNode json = JSON.readTree(report.toFile());
        assertThat(json.get("status").asText()).isEqualTo("passed");
        // the example's Dockerfile uses a cache mount: BuildKit built it, and the summary says so
        assertThat(json.at("/build/builder").asText()).isEqualTo("buildkit");
        assertThat(output()).containsPattern("build +[^\n]*\\(BuildKit\\)").containsPattern("#\\d+ \\[[^]]+] RUN --mount=type=cache");
        assertThat(json.at("/test/serviceReadyMs").fieldNames()).toIterable().containsExactlyInAnyOrder("db", "cache");
        JsonNode pushed = json.get("push").get(0);
        assertThat(pushed.get("reference").asText()).isEqualTo(ENV.authRegistry() + "/examples/notes:it");
        assertThat(pushed.get("digest").asText()).isEqualTo(registryDigest("examples/notes", "it"));
        Path junit = project.resolve("docker-ci-reports/reports/junit.xml");
        assertThat(junit).exists();
        assertThat(Files.readString(junit)).contains("<testsuite").contains("tests=\"6\"").contains("failures=\"0\"");
        assertThat(json.at("/cleanup/failed")).isEmpty();
        // and the DockerExtension fails this class if anything labelled with the run's owner is left
    }

    @Test
    void theSecondRunOfTheExampleIsFullyCachedAndOnlyTheDocumentedCacheIsLeft() throws Exception {
        Path project = copyExample();
        Path flow = project.resolve("docker-ci.yml");
        // the cache other tests of this class kept (same owner)
        DOCKER.removeCache();

        int first = run(project, Map.of("BUILD_NUMBER", "cache-1", "REGISTRY", ENV.authRegistry()), "run", "-f", flow.toString());
        String firstOutput = output();
        assertThat(first).as(firstOutput).isZero();
        assertOnlyTheCacheIsLeft(firstOutput);
        out.reset();
        Path report = dir.resolve("second.json");
        int second = run(project, Map.of("BUILD_NUMBER", "cache-2", "REGISTRY", ENV.authRegistry()), "run", "-f", flow.toString(),
                "--json", report.toString());

        assertThat(second).as(output()).isZero();
        String build = output().substring(output().indexOf("==> dockerBuild"), output().indexOf("==> dockerTest"));
        // the example builds with BuildKit: every Dockerfile step after FROM (which has nothing to cache) is CACHED
        Set<String> steps = numbers(build, "#(\\d+) \\[[^]]*\\d+/\\d+] (?!FROM ).*");
        assertThat(numbers(build, "#(\\d+) CACHED")).as("every step cached in the second run:%n%s", build)
                .containsAll(steps);
        assertThat(steps).isNotEmpty();
        assertThat(build).doesNotContain("Running in");
        assertThat(output()).contains("6 passed", "kept as build cache");
        assertThat(JSON.readTree(report.toFile()).at("/cleanup/keptAsBuildCache")).hasSize(1);
        assertOnlyTheCacheIsLeft(output());
    }

    /** The step numbers of the lines of {@code output} (after the console's prefix) that match {@code line}. */
    private static Set<String> numbers(String output, String line) {
        Pattern pattern = Pattern.compile("^.*?" + line + "$");
        return output.lines().map(pattern::matcher).filter(Matcher::matches).map(m -> m.group(1)).collect(Collectors.toSet());
    }

    /**
     * Nothing of the owner is left but one image under its cache tag: no container, network or volume, no run tag, none
     * of the run's tags, and every layer the run committed is gone or below the cache image.
     */
    private void assertOnlyTheCacheIsLeft(String runOutput) {
        var docker = DOCKER.client();
        assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(DOCKER.ownerFilter()).exec()).isEmpty();
        assertThat(docker.listNetworksCmd().withFilter("label", List.of(ManagedLabels.OWNER + "=" + DOCKER.ownerId())).exec()).isEmpty();
        assertThat(docker.listImagesCmd().withReferenceFilter(BuildAttribution.runRepository(DOCKER.ownerId())).exec()).isEmpty();
        assertThat(docker.listImagesCmd().withReferenceFilter("notes").exec()).isEmpty();
        assertThat(docker.listImagesCmd().withReferenceFilter(ENV.authRegistry() + "/examples/notes").exec()).isEmpty();
        assertThat(DOCKER.cacheTags()).hasSize(1);
        String cacheImage = docker.inspectImageCmd(DOCKER.cacheTags().get(0)).exec().getId();
        // another owner on this engine (scripts/demo's, say) may keep the same image as its cache: that name is not ours
        assertThat(docker.inspectImageCmd(cacheImage).exec().getRepoTags())
                .filteredOn(tag -> !BuildAttribution.isCacheTag(tag) || BuildAttribution.isCacheTag(DOCKER.ownerId(), tag))
                .containsExactly(DOCKER.cacheTags().get(0));
        Set<String> chain = new HashSet<>();
        for (String id = cacheImage; id != null && !id.isEmpty(); id = docker.inspectImageCmd(id).exec().getParent()) {
            chain.add(id.substring(7, 19));
        }
        Matcher layer = Pattern.compile(" ---> ([0-9a-f]{12})$", Pattern.MULTILINE)
                .matcher(runOutput);
        while (layer.find()) {
            String id = layer.group(1);
            boolean exists = !docker.listImagesCmd().withShowAll(true).exec().stream().filter(i -> i.getId().substring(7).startsWith(id))
                    .toList().isEmpty();
            assertThat(!exists || chain.contains(id)).as("layer %s of the run is gone or below the cache image", id).isTrue();
        }
    }

    @Test
    void failingTestsExitWith1AndPushNothing() throws Exception {
        String repository = DOCKER.uniqueName("failing");
        Path project = busyboxProject("""
                dockerBuild:
                  tags: [%1$s:1]
                dockerTest:
                  command: echo 'checking...'; exit 3
                dockerPush:
                  tags: ['%2$s/%1$s:1']
                """.formatted(repository, ENV.anonymousRegistry()));

        int exit = run(project, Map.of(), "run", "-f", project.resolve("docker-ci.yml").toString());

        assertThat(exit).as(output()).isEqualTo(1);
        assertThat(output()).contains("checking...").contains("tests failed: exit code 3").doesNotContain("==> dockerPush");
        HttpResponse<String> tags = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + ENV.anonymousRegistry() + "/v2/" + repository + "/tags/list")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tags.statusCode()).isEqualTo(404);
    }

    @Test
    void onlyTestWithoutAnImageIsInvalidInput() throws Exception {
        Path project = busyboxProject("dockerBuild:\n  tags: [x:1]\ndockerTest:\n  command: 'true'\n");

        int exit = run(project, Map.of(), "run", "-f", project.resolve("docker-ci.yml").toString(), "--only", "test");

        assertThat(exit).isEqualTo(2);
        assertThat(output()).contains("dockerTest uses the image of dockerBuild, but the build step did not run");
    }

    static Path busyboxProject(Path dir, String yaml) throws IOException {
        Files.writeString(dir.resolve("Dockerfile"), "FROM docker-ci-test/busybox:1\nCMD [\"sh\"]\n");
        Files.writeString(dir.resolve("docker-ci.yml"), yaml);
        return dir;
    }

    private Path busyboxProject(String yaml) throws IOException {
        return busyboxProject(dir, yaml);
    }

    private int run(Path project, Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("DOCKER_CI_OWNER", DOCKER.ownerId());
        env.put("DOCKER_CI_HOME", dir.resolve("state").toString());
        env.put("DOCKER_HOST", DOCKER.endpoint().host());
        env.put("BASE_IMAGE", "docker-ci-test/python:3");
        env.put("POSTGRES_IMAGE", "docker-ci-test/postgres:15");
        env.put("REDIS_IMAGE", "docker-ci-test/redis:7");
        env.put("REGISTRY_USER", ENV.authRegistryUser());
        env.put("REGISTRY_PASSWORD", ENV.authRegistryPassword());
        env.putAll(extraEnv);
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        return Main.execute(args, env, print, print);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path copyExample() throws IOException {
        Path example = Path.of("..", "examples", "flask-postgres").toAbsolutePath().normalize();
        Path target = dir.resolve("notes");
        try (Stream<Path> files = Files.walk(example)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path relative = example.relativize(source);
                if (relative.startsWith("docker-ci-reports") || relative.toString().contains("__pycache__")) {
                    continue;
                }
                Path copy = target.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }

    private static String registryDigest(String repository, String tag) throws Exception {
        String auth = Base64.getEncoder().encodeToString((ENV.authRegistryUser() + ":" + ENV.authRegistryPassword())
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<Void> head = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://" + ENV.authRegistry() + "/v2/" + repository + "/manifests/" + tag))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Basic " + auth)
                .header("Accept", "application/vnd.docker.distribution.manifest.v2+json").build(), HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(200);
        return head.headers().firstValue("Docker-Content-Digest").orElseThrow();
    }
}
