package io.jenkins.plugins.dockerci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerci.engine.BuildAttribution;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.build.BuildRequest;
import io.jenkins.plugins.dockerci.engine.build.ImageBuilder;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code docker-ci reap} and the Docker-error exit code, against the real engine. */
class DockerCiReapIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void reapRemovesThisOwnersFinishedRunsAndNothingElse() {
        RunContext killedRun = DOCKER.newRun();
        String orphan = createContainer(killedRun.labels());
        Map<String, String> othersLabels = new RunContext("someone-else", "run-1").labels();
        String others = createContainer(othersLabels);
        String unlabelled = createContainer(Map.of());
        try {
            assertThat(run("reap", "--dry-run")).isZero();
            assertThat(output()).contains("would remove container").contains("(run " + killedRun.runId() + ")")
                    .contains("1 resource(s) of finished runs would be removed or released");
            assertThat(exists(orphan)).isTrue();

            assertThat(run("reap")).isZero();
            assertThat(output()).contains("1 finished run(s) reaped");
            assertThat(exists(orphan)).isFalse();
            assertThat(exists(others)).isTrue();
            assertThat(exists(unlabelled)).isTrue();
        } finally {
            DOCKER.client().removeContainerCmd(others).withForce(true).exec();
            DOCKER.client().removeContainerCmd(unlabelled).withForce(true).exec();
        }
    }

    @Test
    void reapKeepsAKilledRunsImageAsBuildCacheAndPrunesItWhenThePolicyKeepsNone() throws Exception {
        Path context = Files.createDirectories(dir.resolve("app"));
        Files.writeString(context.resolve("Dockerfile"), "FROM " + TestImages.BUSYBOX + "\nRUN echo " + DOCKER.uniqueName("layer") + "\n");
        RunContext killedRun = DOCKER.newRun();
        String image = new ImageBuilder(new EngineContext(DOCKER.client(), killedRun, ResourceTracker.NONE))
                .build(BuildRequest.builder(context).build(), LogSink.NONE).imageId();
        String cacheTag = BuildAttribution.cacheTag(DOCKER.ownerId(), image);

        assertThat(run("reap")).as(output()).isZero();
        assertThat(output()).contains("1 finished run(s) reaped", "kept image " + BuildAttribution.runTag(killedRun))
                .contains("as build cache", "build cache kept: " + cacheTag)
                .containsPattern("Build cache of owner " + DOCKER.ownerId() + ": 1 image\\(s\\) kept on purpose \\(.*\\), 0 pruned");
        assertThat(DOCKER.cacheTags()).containsExactly(cacheTag);

        out.reset();
        assertThat(run("reap", "--cache-max-unused", "0", "--cache-max-size", "0")).as(output()).isZero();
        assertThat(output()).contains("build cache pruned: " + cacheTag, "the policy keeps no build cache")
                .contains("0 image(s) kept on purpose (0 B), 1 pruned (policy: keep none)");
        assertThat(DOCKER.cacheTags()).isEmpty();
        assertThat(DOCKER.client().listImagesCmd().withShowAll(true).exec()).noneMatch(i -> i.getId().equals(image));
    }

    @Test
    void aBadCachePolicyIsInvalidInput() {
        assertThat(run("reap", "--cache-max-unused", "0", "--cache-max-size", "10GB")).isEqualTo(Main.INVALID_INPUT);
        assertThat(output()).contains("--cache-max-unused/--cache-max-size").contains("both be above zero");
    }

    @Test
    void anUnreachableEngineExitsWith3AndSaysWhatToCheck() {
        Map<String, String> env = new HashMap<>(baseEnv());
        env.put("DOCKER_HOST", "tcp://127.0.0.1:1");

        assertThat(Main.execute(new String[] {"reap"}, env, print(), print())).isEqualTo(3);
        assertThat(output()).contains("Cannot reach the Docker engine at tcp://127.0.0.1:1 (from DOCKER_HOST)");
    }

    private String createContainer(Map<String, String> labels) {
        return DOCKER.client().createContainerCmd(TestImages.BUSYBOX).withName(DOCKER.uniqueName("reap"))
                .withLabels(labels).withCmd("true").exec().getId();
    }

    private boolean exists(String id) {
        return !DOCKER.client().listContainersCmd().withShowAll(true).withIdFilter(List.of(id)).exec().isEmpty();
    }

    private int run(String... args) {
        return Main.execute(args, baseEnv(), print(), print());
    }

    private Map<String, String> baseEnv() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("DOCKER_CI_OWNER", DOCKER.ownerId());
        env.put("DOCKER_CI_HOME", dir.resolve("state").toString());
        env.put("DOCKER_HOST", DOCKER.endpoint().host());
        return env;
    }

    private PrintStream print() {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
