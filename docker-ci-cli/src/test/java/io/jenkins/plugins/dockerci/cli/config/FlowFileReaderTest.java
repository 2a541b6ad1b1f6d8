package io.jenkins.plugins.dockerci.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerci.engine.build.BuildRequest;
import io.jenkins.plugins.dockerci.engine.build.BuilderChoice;
import io.jenkins.plugins.dockerci.engine.cleanup.BuildCachePolicy;
import io.jenkins.plugins.dockerci.engine.cleanup.CleanupPolicy;
import io.jenkins.plugins.dockerci.engine.registry.PullPolicy;
import io.jenkins.plugins.dockerci.engine.services.ContainerCommand;
import io.jenkins.plugins.dockerci.engine.services.ServiceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowFileReaderTest {

    @TempDir
    Path dir;

    private final Map<String, String> env = Map.of("BUILD_NUMBER", "7", "REG_USER", "ci", "REG_PASS", "p:a ss", "CI_USER", "ci2",
            "CI_PASS", "other");

    @BeforeEach
    void project() throws IOException {
        Files.writeString(dir.resolve("Dockerfile"), "FROM docker-ci-test/busybox:1\n");
    }

    @Test
    void readsEveryStepIntoEngineRequests() throws IOException {
        Path file = write("""
                dockerBuild:
                  tags: ['app:${BUILD_NUMBER}']
                  buildArgs: {BASE: busybox}
                  target: test
                  noCache: true
                dockerTest:
                  command: [make, test]
                  services:
                    - image: postgres:16
                      alias: db
                      readiness: {log: 'ready to accept connections', times: 2}
                      timeout: 90s
                  env:
                    DATABASE_URL: postgresql://${db.host}:${db.port.5432}/test
                    MODE: ci
                  reports: [/app/reports]
                  timeout: 5m
                dockerPush:
                  tags: ['127.0.0.1:5001/team/app:${BUILD_NUMBER}']
                  registry: {url: http://127.0.0.1:5001, usernameVariable: REG_USER, passwordVariable: REG_PASS}
                dockerCleanup:
                  builtImagePolicy: KEEP_PUSHED
                """);

        FlowFileReader.Result result = new FlowFileReader(env).read(file);

        assertThat(result.problems()).isEmpty();
        FlowPlan plan = result.plan().orElseThrow();
        assertThat(plan.build().orElseThrow().tags()).containsExactly("app:7");
        assertThat(plan.build().orElseThrow().noCache()).isTrue();
        var test = plan.test().orElseThrow();
        assertThat(test.image()).isEqualTo(FlowPlan.BUILT_IMAGE);
        assertThat(test.command()).isEqualTo(ContainerCommand.exec("make", "test"));
        assertThat(test.env()).containsEntry("DATABASE_URL", "postgresql://${db.host}:${db.port.5432}/test").containsEntry("MODE", "ci");
        assertThat(test.services()).singleElement().satisfies(db -> {
            assertThat(db.name()).isEqualTo("db");
            assertThat(db.startupTimeout()).hasSeconds(90);
        });
        assertThat(test.reportsDir()).isEqualTo(dir.resolve("docker-ci-reports"));
        assertThat(test.timeout()).hasMinutes(5);
        var push = plan.push().orElseThrow();
        assertThat(push.targets()).extracting(Object::toString).containsExactly("127.0.0.1:5001/team/app:7");
        assertThat(push.credentials()).isEmpty();
        assertThat(plan.registries()).singleElement().satisfies(login -> {
            assertThat(login.registry()).isEqualTo("127.0.0.1:5001");
            assertThat(login.who()).isEqualTo("user ci");
            assertThat(login.origin()).isEqualTo("the flow file's registry entry dockerPush.registry (environment variables REG_USER"
                    + " and REG_PASS)");
        });
        assertThat(plan.secrets()).contains("p:a ss");
        assertThat(plan.cleanup()).isEqualTo(CleanupPolicy.KEEP_PUSHED);
    }

    @Test
    void theBuildCacheIsBoundedByTheDefaultUnlessTheFileSaysOtherwise() throws IOException {
        Path bounded = write("""
                dockerBuild: {tags: ['app:1']}
                dockerCleanup:
                  buildCache: {maxUnused: 2d, maxSize: 500MB}
                """);
        assertThat(new FlowFileReader(env).read(bounded).plan().orElseThrow().cleanup())
                .isEqualTo(CleanupPolicy.REMOVE_ALL.withBuildCache(new BuildCachePolicy(Duration.ofDays(2), 500L << 20)));

        Path none = write("""
                dockerBuild: {tags: ['app:1']}
                dockerCleanup: {builtImagePolicy: KEEP_PUSHED, buildCache: none}
                """);
        assertThat(new FlowFileReader(env).read(none).plan().orElseThrow().cleanup())
                .isEqualTo(CleanupPolicy.KEEP_PUSHED.withBuildCache(BuildCachePolicy.NONE));

        Path unset = write("dockerBuild: {tags: ['app:1']}\n");
        assertThat(new FlowFileReader(env).read(unset).plan().orElseThrow().cleanup().buildCache()).isEqualTo(BuildCachePolicy.DEFAULT);
    }

    @Test
    void aBadBuildCacheSettingIsAProblemOnItsLine() throws IOException {
        Path file = write("""
                dockerBuild: {tags: ['app:1']}
                dockerCleanup:
                  buildCache:
                    maxSize: lots
                    maxUnused: 0
                """);

        assertThat(new FlowFileReader(env).read(file).problems()).extracting(Problem::toString).containsExactly(
                "line 4, dockerCleanup.buildCache.maxSize: dockerCleanup.buildCache.maxSize: 'lots' is not a size; write e.g. 10GB, 500MB or a number of bytes");
    }

    @Test
    void reportsEveryProblemWithItsPathAndLine() throws IOException {
        Path file = write("""
                dockerBuild:
                  tag: [app:1]
                  timeout: soon
                dockerTest:
                  command: make test
                  services:
                    - image: postgres:16
                      readiness: {port: 99999}
                  env:
                    URL: http://${cache.host}/
                    WHO: ${UNSET_VAR}
                dockerPush:
                  tags: ['Bad/Ref:1']
                  registry:
                    url: 127.0.0.1:5001
                    password: hunter2
                """);

        List<Problem> problems = new FlowFileReader(env).read(file).problems();

        assertThat(problems).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
                .isEqualTo("line 2, dockerBuild.tag: unknown key 'tag'. Did you mean 'tags'? Allowed here: context, dockerfile,"
                        + " tags, buildArgs, target, labels, pull, noCache, cacheFrom, platform, builder, secrets, timeout, registry."));
        assertThat(problems).extracting(Problem::toString).contains(
                "line 3, dockerBuild.timeout: dockerBuild.timeout: 'soon' is not a duration; write e.g. 90s, 5m, 1h30m, 500ms or a number of seconds",
                "line 7, dockerTest.services[0]: the service has no 'alias': give the name the tests reach it by, e.g. alias: db",
                "line 8, dockerTest.services[0].readiness.port: '99999' is not a port: use a number from 1 to 65535",
                "line 11, dockerTest.env.WHO: environment variable UNSET_VAR is not set; set it, or give a default: ${UNSET_VAR:-value}",
                "line 16, dockerPush.registry.password: never write credentials into the file: name environment variables with"
                        + " usernameVariable and passwordVariable, or use 'docker login' (~/.docker/config.json)");
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("dockerPush.tags[0]");
            assertThat(p.line()).isEqualTo(13);
            assertThat(p.message()).contains("Invalid image reference 'Bad/Ref:1'").contains("must be lowercase");
        });
    }

    @Test
    void anUnknownServiceInATemplateIsAProblemBeforeAnythingRuns() throws IOException {
        Path file = write("""
                dockerTest:
                  image: app:1
                  services:
                    - {image: postgres:16, alias: db}
                  env:
                    URL: http://${cache.host}:${db.port.5432}/
                """);

        List<Problem> problems = new FlowFileReader(env).read(file).problems();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("dockerTest");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("cache");
        });
    }

    @Test
    void aMissingDockerfileAndContextAreNamed() throws IOException {
        Path file = write("""
                dockerBuild:
                  dockerfile: docker/Dockerfile.ci
                ---
                """.replace("---\n", ""));
        Path other = write2("other.yml", "dockerBuild:\n  context: nowhere\n");

        assertThat(new FlowFileReader(env).read(file).problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("Dockerfile " + dir.resolve("docker/Dockerfile.ci") + " does not exist");
        });
        assertThat(new FlowFileReader(env).read(other).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("build context directory " + dir.resolve("nowhere") + " does not exist"));
    }

    @Test
    void aYamlSyntaxErrorNamesItsLine() throws IOException {
        Path file = write("dockerBuild:\n  tags: [a\n  pull: true\n");

        assertThat(new FlowFileReader(env).read(file).problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).startsWith("line 3, (file): not valid YAML"));
    }

    @Test
    void testWithoutImageNeedsABuildStep() throws IOException {
        Path file = write("dockerTest:\n  command: make test\n");

        assertThat(new FlowFileReader(env).read(file).problems()).extracting(Problem::message)
                .contains("no 'image' to test and no dockerBuild step to make one: add image: <reference>");
    }

    @Test
    void missingCredentialVariablesAreNamed() throws IOException {
        Path file = write("""
                dockerPush:
                  image: app:1
                  tags: [127.0.0.1:5001/a/b:1]
                  registry: {url: 127.0.0.1:5001, usernameVariable: REG_USER, passwordVariable: NOT_EXPORTED}
                """);

        assertThat(new FlowFileReader(env).read(file).problems()).extracting(Problem::toString).containsExactly(
                "line 4, dockerPush.registry: environment variable NOT_EXPORTED (named by passwordVariable) is not set;"
                        + " export it before running docker-ci");
    }

    @Test
    void everyStepsRegistryEntriesServeTheWholeRunOncePerRegistry() throws IOException {
        Path file = write("""
                dockerBuild:
                  registry: {url: 'https://Registry-1.Docker.IO/v1/', usernameVariable: REG_USER, passwordVariable: REG_PASS}
                dockerTest:
                  image: 127.0.0.1:5001/private/tests:1
                  registry:
                    - {url: 127.0.0.1:5001, usernameVariable: REG_USER, passwordVariable: REG_PASS}
                    - {url: 127.0.0.1:5002}
                dockerPush:
                  tags: [127.0.0.1:5001/team/app:1]
                  registry: {url: http://127.0.0.1:5001/, usernameVariable: REG_USER, passwordVariable: REG_PASS}
                """);

        FlowFileReader.Result result = new FlowFileReader(env).read(file);

        assertThat(result.problems()).isEmpty();
        assertThat(result.plan().orElseThrow().registries()).extracting(l -> l.registry() + " " + l.origin()).containsExactly(
                "docker.io the flow file's registry entry dockerBuild.registry (environment variables REG_USER and REG_PASS)",
                "127.0.0.1:5001 the flow file's registry entry dockerTest.registry[0] (environment variables REG_USER and REG_PASS)");
    }

    @Test
    void aRegistryGivenTwiceWithOtherVariablesIsAProblem() throws IOException {
        Path file = write("""
                dockerTest:
                  image: 127.0.0.1:5001/private/tests:1
                  registry: {url: 127.0.0.1:5001, usernameVariable: REG_USER, passwordVariable: REG_PASS}
                dockerPush:
                  image: app:1
                  tags: [127.0.0.1:5001/team/app:1]
                  registry:
                    - {url: 127.0.0.1:5001, usernameVariable: CI_USER, passwordVariable: CI_PASS, credentialsId: ci}
                    - {url: 127.0.0.1:5002, usernameVariable: REG_PASS, passwordVariable: REG_USER}
                """);

        assertThat(new FlowFileReader(env).read(file).problems()).extracting(Problem::toString).containsExactly(
                "line 8, dockerPush.registry[0].credentialsId: credentialsId is for Jenkins; on the command line use usernameVariable"
                        + " and passwordVariable, or 'docker login'",
                "line 8, dockerPush.registry[0]: registry 127.0.0.1:5001 is already given at dockerTest.registry (line 3) with"
                        + " environment variables REG_USER and REG_PASS: the run uses one login per registry, so give it the same"
                        + " variables (or leave this entry out)",
                "line 9, dockerPush.registry[1]: the value of REG_PASS (usernameVariable) contains ':', which no registry username"
                        + " can: check that usernameVariable and passwordVariable are not swapped");
    }

    @Test
    void pullPoliciesOfTheTestImageAndTheServicesAreRead() throws IOException {
        Path file = write("""
                dockerTest:
                  image: 127.0.0.1:5001/private/tests:1
                  pull: always
                  services:
                    - {image: 127.0.0.1:5001/private/db:1, alias: db, pull: never}
                    - {image: 127.0.0.1:5001/private/cache:1, alias: cache}
                    - {image: 127.0.0.1:5001/private/mq:1, alias: mq, pull: sometimes}
                """);

        List<Problem> problems = new FlowFileReader(env).read(file).problems();
        assertThat(problems).extracting(Problem::toString).containsExactly("line 7, dockerTest.services[2].pull: pull is 'sometimes':"
                + " use one of missing, always, never (missing: pull when the image is not on the Docker host).");

        Files.writeString(file, Files.readString(file).replace("pull: sometimes", "pull: MISSING"));
        var test = new FlowFileReader(env).read(file).plan().orElseThrow().test().orElseThrow();
        assertThat(test.pull()).isEqualTo(PullPolicy.ALWAYS);
        assertThat(test.services()).extracting(ServiceSpec::pull).containsExactly(PullPolicy.NEVER, PullPolicy.MISSING, PullPolicy.MISSING);
    }

    @Test
    void readsTheBuilderThePlatformAndSecretsFromVariablesAndFiles() throws IOException {
        Files.writeString(dir.resolve(".npmrc"), "//registry/:_authToken=abc\n");
        Path file = write("""
                dockerBuild:
                  builder: BuildKit
                  platform: linux/arm64
                  secrets:
                    - {id: token, env: REG_PASS}
                    - id: npmrc
                      file: .npmrc
                """);

        FlowFileReader.Result result = new FlowFileReader(env).read(file);

        assertThat(result.problems()).isEmpty();
        BuildRequest build = result.plan().orElseThrow().build().orElseThrow();
        assertThat(build.builder()).isEqualTo(BuilderChoice.BUILDKIT);
        assertThat(build.platform()).isEqualTo("linux/arm64");
        assertThat(build.secrets().ids()).containsExactly("token", "npmrc");
        assertThat(build.secrets().toString()).isEqualTo("BuildSecrets[token from environment variable REG_PASS=****, npmrc from file "
                + dir.resolve(".npmrc") + "=****]").doesNotContain("p:a ss");
        assertThat(write2("plain.yml", "dockerBuild: {}\n")).satisfies(plain -> assertThat(new FlowFileReader(env).read(plain)
                .plan().orElseThrow().build().orElseThrow().builder()).isEqualTo(BuilderChoice.AUTO));
    }

    @Test
    void secretsAndBuilderProblemsAreNamedWithTheirPaths() throws IOException {
        Path file = write("""
                dockerBuild:
                  builder: fast
                  secrets:
                    - {id: token, value: hunter2}
                    - {id: npm, env: NOT_EXPORTED}
                    - {id: key, file: missing.pem}
                    - {env: REG_PASS}
                    - {id: both, env: REG_PASS, file: .npmrc}
                    - just-a-string
                """);

        List<String> problems = new FlowFileReader(env).read(file).problems().stream().map(Problem::toString).toList();

        assertThat(problems).contains(
                "line 2, dockerBuild.builder: Invalid builder 'fast': use auto (BuildKit when the engine offers it), buildkit or classic.",
                "line 4, dockerBuild.secrets[0].value: never write a secret's value into the file: name an environment variable"
                        + " (env: TOKEN_VAR) or a file (file: .npmrc)",
                "line 5, dockerBuild.secrets[1].env: environment variable NOT_EXPORTED (secret 'npm') is not set; export it before"
                        + " running docker-ci",
                "line 6, dockerBuild.secrets[2].file: secret file " + dir.resolve("missing.pem") + " does not exist; 'file' is"
                        + " relative to " + dir,
                "line 7, dockerBuild.secrets[3]: the secret has no 'id': give the id the Dockerfile mounts, as in"
                        + " RUN --mount=type=secret,id=token",
                "line 8, dockerBuild.secrets[4]: give exactly one of env (an environment variable) or file (a path) for secret 'both'",
                "line 9, dockerBuild.secrets[5]: a secret is a mapping: {id: token, env: TOKEN_VAR} or {id: npmrc, file: .npmrc}");
        assertThat(problems).noneMatch(problem -> problem.contains("hunter2") || problem.contains("p:a ss"));
    }

    private Path write(String yaml) throws IOException {
        return write2("docker-ci.yml", yaml);
    }

    private Path write2(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }
}
