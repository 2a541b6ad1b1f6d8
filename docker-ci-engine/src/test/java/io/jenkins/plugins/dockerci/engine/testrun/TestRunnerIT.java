package io.jenkins.plugins.dockerci.engine.testrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.LogSink.Kind;
import io.jenkins.plugins.dockerci.engine.ManagedLabels;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.services.ContainerCommand;
import io.jenkins.plugins.dockerci.engine.services.RecordingTracker;
import io.jenkins.plugins.dockerci.engine.services.ServiceSpec;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestRunnerIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    @TempDir
    Path tmp;

    private final RunContext run = DOCKER.newRun();
    private final RecordingTracker tracker = new RecordingTracker();
    private final TestRunner runner = new TestRunner(new EngineContext(DOCKER.client(), run, tracker));

    @Test
    void theTestReachesASlowlyStartingServiceByAliasWithoutRacing() {
        ServiceSpec web = ServiceSpec.builder("web", TestImages.BUSYBOX).alias("www").expose(8080)
                .command(ContainerCommand.shell("sleep 2; exec nc -ll -p 8080 -e echo hello-from-web")).build();
        RecordingSink log = new RecordingSink();
        TestOutcome outcome = runner.run(TestRequest.builder(TestImages.BUSYBOX).service(web)
                .command(ContainerCommand.exec("nc", "www", "8080")).build(), log);
        assertThat(outcome.passed()).isTrue();
        assertThat(log.texts(Kind.STDOUT)).containsExactly("hello-from-web");
        assertThat(outcome.timeToReady()).containsOnlyKeys("web");
        assertThat(outcome.timeToReady().get("web")).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(outcome.cleanupProblems()).isEmpty();
        assertNothingLeft();
    }

    @ParameterizedTest
    @CsvSource({"exit 0, 0", "exit 1, 1", "kill -KILL $$, 137"})
    void theExitCodeIsTheOutcomeNotAnException(String script, int expected) {
        TestOutcome outcome = runner.run(TestRequest.builder(TestImages.BUSYBOX).command(ContainerCommand.shell(script)).build(),
                new RecordingSink());
        assertThat(outcome.termination()).isEqualTo(Termination.EXITED);
        assertThat(outcome.exitCode()).hasValue(expected);
        assertThat(outcome.passed()).isEqualTo(expected == 0);
        assertNothingLeft();
    }

    @Test
    void outputIsStreamedLiveLineByLineWithStderrApart() {
        AtomicBoolean runningWhenFirstLineArrived = new AtomicBoolean();
        RecordingSink log = new RecordingSink((kind, text) -> {
            if (text.equals("first")) {
                // Docker may still report a just-started container as "Created": what matters is it has not exited
                runningWhenFirstLineArrived.set(DOCKER.client().listContainersCmd().withShowAll(true)
                        .withLabelFilter(Map.of(ManagedLabels.RUN, run.runId())).exec().stream()
                        .noneMatch(c -> c.getStatus().startsWith("Exited")));
            }
        });
        String script = "echo first; sleep 2; printf 'sp'; printf 'lit\\n'; echo oops >&2; printf 'bad\\377\\376bytes\\n';"
                + " head -c 20000 /dev/zero | tr '\\0' x; echo; printf 'no newline at end'";
        TestOutcome outcome = runner.run(TestRequest.builder(TestImages.BUSYBOX).command(ContainerCommand.shell(script)).build(), log);
        assertThat(outcome.passed()).isTrue();
        assertThat(runningWhenFirstLineArrived).as("the first line arrived before the container exited").isTrue();
        List<String> out = log.texts(Kind.STDOUT);
        assertThat(out).startsWith("first", "split", "bad\uFFFD\uFFFDbytes");
        assertThat(out.subList(3, out.size() - 1)).allSatisfy(piece -> assertThat(piece).matches("x{1,8192}"))
                .extracting(String::length).containsExactly(8192, 8192, 3616);
        assertThat(out).endsWith("no newline at end");
        assertThat(log.texts(Kind.STDERR)).containsExactly("oops");
        assertNothingLeft();
    }

    @Test
    void reportsAreCopiedOutAfterAFailureIncludingNestedDirsAndBinaryFiles() throws Exception {
        String script = "mkdir -p /out/reports/unit/deep && echo '<testsuite/>' > /out/reports/unit/deep/TEST-a.xml"
                + " && printf '\\000\\001\\377\\n' > /out/reports/coverage.bin && ln -s /etc/passwd /out/reports/passwd"
                + " && ln -s unit/deep/TEST-a.xml /out/reports/latest.xml && exit 1";
        Path target = tmp.resolve("reports-out");
        TestOutcome outcome = runner.run(TestRequest.builder(TestImages.BUSYBOX).command(ContainerCommand.shell(script))
                .reports(target, "/out/reports", "/does/not/exist").build(), new RecordingSink());
        assertThat(outcome.exitCode()).hasValue(1);
        assertThat(outcome.reports()).containsExactly(target.resolve("reports"));
        assertThat(target.resolve("reports/unit/deep/TEST-a.xml")).hasContent("<testsuite/>");
        assertThat(Files.readAllBytes(target.resolve("reports/coverage.bin"))).containsExactly(0, 1, 0xff, '\n');
        assertThat(target.resolve("reports/latest.xml")).hasContent("<testsuite/>");
        assertThat(target.resolve("reports/passwd")).doesNotExist();
        assertThat(outcome.reportProblems()).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("passwd").contains("absolute path '/etc/passwd'"))
                .anySatisfy(p -> assertThat(p).contains("/does/not/exist does not exist"));
        assertNothingLeft();
    }

    @Test
    void aTimeoutStopsTheContainerAndSaysSo() {
        RecordingSink log = new RecordingSink();
        TestOutcome outcome = runner.run(TestRequest.builder(TestImages.BUSYBOX).command(ContainerCommand.exec("sleep", "600"))
                .timeout(Duration.ofSeconds(1)).stopGracePeriod(Duration.ofSeconds(1)).build(), log);
        assertThat(outcome.termination()).isEqualTo(Termination.TIMED_OUT);
        assertThat(outcome.exitCode()).hasValue(143);
        assertThat(outcome.passed()).isFalse();
        assertThat(log.texts(Kind.WARN)).anySatisfy(w -> assertThat(w).contains("did not finish within 1.0 s"));
        assertNothingLeft();
    }

    @Test
    void anInterruptFromAnotherThreadStopsTheRunAndCleansUp() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        RecordingSink log = new RecordingSink((kind, text) -> {
            if (text.equals("started")) {
                started.countDown();
            }
        });
        ServiceSpec db = ServiceSpec.builder("db", TestImages.BUSYBOX).command(ContainerCommand.shell("sleep 600")).build();
        TestRequest request = TestRequest.builder(TestImages.BUSYBOX).service(db)
                .command(ContainerCommand.shell("echo started; exec sleep 600")).stopGracePeriod(Duration.ofSeconds(2)).build();
        AtomicReference<TestOutcome> outcome = new AtomicReference<>();
        AtomicBoolean flagAfterwards = new AtomicBoolean();
        Thread build = new Thread(() -> {
            outcome.set(runner.run(request, log));
            flagAfterwards.set(Thread.currentThread().isInterrupted());
        });
        build.start();
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
        build.interrupt();
        build.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(build.isAlive()).isFalse();
        assertThat(outcome.get().termination()).isEqualTo(Termination.INTERRUPTED);
        assertThat(outcome.get().cleanupProblems()).isEmpty();
        assertThat(flagAfterwards).as("the interrupt is handed back to the caller").isTrue();
        assertNothingLeft();
    }

    @Test
    void anInterruptWhileServicesStartRemovesThemAndReportsTheInterrupt() throws Exception {
        AtomicReference<Thread> build = new AtomicReference<>();
        RecordingSink log = new RecordingSink((kind, text) -> {
            if (text.startsWith("Starting service 'slow'")) {
                build.get().interrupt();
            }
        });
        ServiceSpec slow = ServiceSpec.builder("slow", TestImages.BUSYBOX).expose(8080).command(ContainerCommand.shell("sleep 600"))
                .startupTimeout(Duration.ofMinutes(5)).build();
        TestRequest request = TestRequest.builder(TestImages.BUSYBOX).service(slow).command(ContainerCommand.shell("exit 0")).build();
        AtomicReference<TestOutcome> outcome = new AtomicReference<>();
        AtomicBoolean flagAfterwards = new AtomicBoolean();
        build.set(new Thread(() -> {
            outcome.set(runner.run(request, log));
            flagAfterwards.set(Thread.currentThread().isInterrupted());
        }));
        build.get().start();
        build.get().join(TimeUnit.SECONDS.toMillis(60));
        assertThat(outcome.get().termination()).isEqualTo(Termination.INTERRUPTED);
        assertThat(outcome.get().exitCode()).isEmpty();
        assertThat(flagAfterwards).isTrue();
        assertNothingLeft();
    }

    @Test
    void keepOnFailureLeavesEverythingOfAFailedRunForInspection() {
        ServiceSpec db = ServiceSpec.builder("db", TestImages.BUSYBOX).command(ContainerCommand.shell("sleep 600")).build();
        RecordingSink log = new RecordingSink();
        TestOutcome outcome = runner.run(TestRequest.builder(TestImages.BUSYBOX).service(db).command(ContainerCommand.shell("exit 2"))
                .keepOnFailure(true).build(), log);
        assertThat(outcome.exitCode()).hasValue(2);
        var kept = DOCKER.client().listContainersCmd().withShowAll(true).withLabelFilter(Map.of(ManagedLabels.RUN, run.runId())).exec();
        var keptNetworks = DOCKER.client().listNetworksCmd().withFilter("label", List.of(ManagedLabels.RUN + "=" + run.runId())).exec();
        kept.forEach(c -> DOCKER.client().removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec());
        keptNetworks.forEach(n -> DOCKER.client().removeNetworkCmd(n.getId()).exec());
        assertThat(kept).hasSize(2);
        assertThat(keptNetworks).hasSize(1);
        assertThat(log.texts(Kind.WARN)).anySatisfy(w -> assertThat(w).startsWith("keepOnFailure: leaving"));
    }

    @Test
    void aServiceThatStopsDuringTheTestsIsReported() {
        // busybox nc -l (not -ll) serves one connection: the readiness probe's; then the service exits
        ServiceSpec oneShot = ServiceSpec.builder("oneshot", TestImages.BUSYBOX).expose(8080)
                .command(ContainerCommand.shell("nc -l -p 8080 </dev/null; exit 7")).build();
        RecordingSink log = new RecordingSink();
        TestOutcome outcome = runner.run(TestRequest.builder(TestImages.BUSYBOX).service(oneShot)
                .command(ContainerCommand.shell("sleep 2")).build(), log);
        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.serviceProblems()).containsExactly("Service 'oneshot' exited with code 7 while the tests ran");
        assertThat(log.texts(Kind.WARN)).contains("Service 'oneshot' exited with code 7 while the tests ran");
        assertNothingLeft();
    }

    @Test
    void legacyLinkModeSetsTheVariablesDockerLinkUsedTo() {
        ServiceSpec db = ServiceSpec.builder("db", TestImages.BUSYBOX).expose(5432).env("SECRET_VAR", "fromdb")
                .command(ContainerCommand.shell("exec nc -ll -p 5432 -e echo linked")).build();
        RecordingSink log = new RecordingSink();
        TestOutcome outcome = runner.run(TestRequest.builder(TestImages.BUSYBOX).service(db).legacyLinks(true)
                .command(ContainerCommand.shell("env | grep ^DB_ | sort; nc \"$DB_PORT_5432_TCP_ADDR\" \"$DB_PORT_5432_TCP_PORT\""))
                .build(), log);
        assertThat(outcome.passed()).isTrue();
        List<String> out = log.texts(Kind.STDOUT);
        assertThat(out).contains("DB_ENV_SECRET_VAR=fromdb", "DB_PORT_5432_TCP_PORT=5432", "DB_PORT_5432_TCP_PROTO=tcp", "linked");
        assertThat(out).anySatisfy(l -> assertThat(l).matches("DB_PORT_5432_TCP_ADDR=\\d+\\.\\d+\\.\\d+\\.\\d+"));
        assertThat(out).anySatisfy(l -> assertThat(l).matches("DB_NAME=/dci-" + run.runId() + "-test-[0-9a-f]{8}/db"));
        assertNothingLeft();
    }

    @Test
    void anUnknownTemplateReferenceFailsBeforeAnythingStarts() {
        ServiceSpec db = ServiceSpec.builder("db", TestImages.BUSYBOX).expose(5432).build();
        assertThatThrownBy(() -> runner.run(TestRequest.builder(TestImages.BUSYBOX).service(db)
                .env("DATABASE_URL", "postgresql://${db.host}:${db.port.5433}/x").build(), new RecordingSink()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("DATABASE_URL").hasMessageContaining("5433");
        assertThat(tracker.events()).isEmpty();
        assertNothingLeft();
    }

    @Test
    void twoRunsInParallelUseTheSameAliasWithoutInterfering() throws Exception {
        CompletableFuture<List<String>> one = CompletableFuture.supplyAsync(() -> runWithDbSaying("one"));
        CompletableFuture<List<String>> two = CompletableFuture.supplyAsync(() -> runWithDbSaying("two"));
        assertThat(one.get(2, TimeUnit.MINUTES)).containsExactly("one");
        assertThat(two.get(2, TimeUnit.MINUTES)).containsExactly("two");
    }

    private List<String> runWithDbSaying(String word) {
        RunContext ownRun = DOCKER.newRun();
        ServiceSpec db = ServiceSpec.builder("db", TestImages.BUSYBOX).expose(5432)
                .command(ContainerCommand.shell("exec nc -ll -p 5432 -e echo " + word)).build();
        RecordingSink log = new RecordingSink();
        TestOutcome outcome = new TestRunner(new EngineContext(DOCKER.client(), ownRun, tracker)).run(TestRequest.builder(TestImages.BUSYBOX)
                .service(db).command(ContainerCommand.shell("sleep 1; nc db 5432")).build(), log);
        assertThat(outcome.passed()).isTrue();
        return log.texts(Kind.STDOUT);
    }

    @Test
    void workdirUserAndEntrypointAreApplied() {
        RecordingSink log = new RecordingSink();
        TestOutcome outcome = runner.run(TestRequest.builder(TestImages.BUSYBOX).workdir("/tmp").user("65534")
                .entrypoint(List.of("/bin/sh", "-c")).command(ContainerCommand.exec("pwd; id -u; echo \"$GREETING\""))
                .env("GREETING", "hi there").build(), log);
        assertThat(outcome.passed()).isTrue();
        assertThat(log.texts(Kind.STDOUT)).containsExactly("/tmp", "65534", "hi there");
        assertNothingLeft();
    }

    private void assertNothingLeft() {
        assertThat(DOCKER.client().listContainersCmd().withShowAll(true).withLabelFilter(Map.of(ManagedLabels.RUN, run.runId())).exec())
                .isEmpty();
        assertThat(DOCKER.client().listNetworksCmd().withFilter("label", List.of(ManagedLabels.RUN + "=" + run.runId())).exec()).isEmpty();
    }
}
