package io.jenkins.plugins.dockerci.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.jenkins.plugins.dockerci.action.ImageRecord;
import io.jenkins.plugins.dockerci.engine.services.ServiceSpec;
import io.jenkins.plugins.dockerci.engine.services.wait.LogMessageWaitStrategy;
import io.jenkins.plugins.dockerci.engine.services.wait.PortWaitStrategy;
import io.jenkins.plugins.dockerci.engine.testrun.TestRequest;
import io.jenkins.plugins.dockerci.params.TestSettings;
import io.jenkins.plugins.dockerci.params.TestSummary;
import io.jenkins.plugins.dockerci.testsupport.ClassFilterCheck;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerTestStepTest {

    private static final Duration GLOBAL_GRACE = Duration.ofSeconds(25);
    private static final List<ImageRecord> BUILT = List.of(new ImageRecord("sha256:" + "a".repeat(64), List.of(), Duration.ZERO));

    private static TestSummary exited(Integer code, boolean timedOut) {
        return new TestSummary(timedOut, code, 1000, Map.of(), List.of(), List.of());
    }

    @Test
    void everyParameterReachesTheEngineRequest() throws Exception {
        DockerTestStep step = new DockerTestStep();
        step.setImage("app:7");
        step.setCommand(List.of("pytest", "-q"));
        step.setEntrypoint(List.of("/usr/bin/env"));
        step.setEnv(Map.of("DATABASE_URL", "postgresql://${db.host}:${db.port.5432}/t", "MODE", "ci"));
        step.setWorkdir("/app");
        step.setUser("1000:1000");
        step.setServices(List.of(Map.of("image", "postgres:15", "alias", "db", "aliases", List.of("database"),
                "env", Map.of("POSTGRES_DB", "t"), "command", "postgres -c fsync=off", "ports", List.of(5432),
                "readiness", Map.of("log", "ready to accept", "times", 2), "timeout", "90s", "dependsOn", List.of())));
        step.setReports(List.of("/app/reports"));
        step.setReportsDir("out/reports");
        step.setTimeout("20m");
        step.setStopGracePeriod("3s");
        step.setLegacyLinks(true);
        step.setKeepOnFailure(true);

        TestRequest request = step.settings(BUILT, GLOBAL_GRACE).toRequest(Path.of("/ws"));

        assertThat(request.image()).isEqualTo("app:7");
        assertThat(request.command().argv()).containsExactly("pytest", "-q");
        assertThat(request.entrypoint()).containsExactly("/usr/bin/env");
        assertThat(request.env()).containsEntry("MODE", "ci")
                .containsEntry("DATABASE_URL", "postgresql://${db.host}:${db.port.5432}/t");
        assertThat(request.workdir()).isEqualTo("/app");
        assertThat(request.user()).isEqualTo("1000:1000");
        assertThat(request.reportPaths()).containsExactly("/app/reports");
        assertThat(request.reportsDir()).isEqualTo(Path.of("/ws/out/reports"));
        assertThat(request.timeout()).isEqualTo(Duration.ofMinutes(20));
        assertThat(request.stopGracePeriod()).isEqualTo(Duration.ofSeconds(3));
        assertThat(request.legacyLinks()).isTrue();
        assertThat(request.keepOnFailure()).isTrue();
        ServiceSpec db = request.services().get(0);
        assertThat(db.name()).isEqualTo("db");
        assertThat(db.image()).isEqualTo("postgres:15");
        assertThat(db.allAliases()).contains("db", "database");
        assertThat(db.env()).containsEntry("POSTGRES_DB", "t");
        assertThat(db.command().argv()).containsExactly("/bin/sh", "-c", "postgres -c fsync=off");
        assertThat(db.exposedPorts()).containsExactly(5432);
        assertThat(db.waitStrategy()).isInstanceOfSatisfying(LogMessageWaitStrategy.class, wait -> assertThat(wait.times()).isEqualTo(2));
        assertThat(db.startupTimeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void defaultsAreTheVocabularysAndTheImageIsTheOneBuiltLast() throws Exception {
        TestSettings settings = new DockerTestStep().settings(BUILT, GLOBAL_GRACE);
        TestRequest request = settings.toRequest(Path.of("/ws"));

        assertThat(settings.reportsDir()).isEqualTo("docker-ci-reports");
        assertThat(request.image()).isEqualTo(BUILT.get(0).getImageId());
        assertThat(request.command()).isNull();
        assertThat(request.services()).isEmpty();
        assertThat(request.timeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(request.stopGracePeriod()).as("the global setting").isEqualTo(GLOBAL_GRACE);
        assertThat(request.legacyLinks()).isFalse();
        assertThat(request.keepOnFailure()).isFalse();
    }

    @Test
    void aShellCommandStringAndASingleReadinessPortAreAccepted() throws Exception {
        DockerTestStep step = new DockerTestStep();
        step.setCommand("make test");
        step.setServices(List.of(Map.of("image", "redis:7", "alias", "cache", "ports", 6379, "readiness", Map.of("port", "6379"))));

        TestRequest request = step.settings(BUILT, GLOBAL_GRACE).toRequest(Path.of("/ws"));

        assertThat(request.command().argv()).containsExactly("/bin/sh", "-c", "make test");
        assertThat(request.services().get(0).waitStrategy()).isInstanceOfSatisfying(PortWaitStrategy.class,
                wait -> assertThat(wait.ports()).containsExactly(6379));
    }

    @Test
    void snippetGeneratorTextIsReadAsListsAndAssignments() throws Exception {
        DockerTestStep step = new DockerTestStep();
        step.setEnv("MODE=ci\nEMPTY=");
        step.setReports("/a, /b");

        TestRequest request = step.settings(BUILT, GLOBAL_GRACE).toRequest(Path.of("/ws"));

        assertThat(request.env()).containsEntry("MODE", "ci").containsEntry("EMPTY", "");
        assertThat(request.reportPaths()).containsExactly("/a", "/b");
    }

    @Test
    void mistakesAreNamedBeforeAnythingStarts() {
        DockerTestStep noImage = new DockerTestStep();
        DockerTestStep typo = new DockerTestStep();
        typo.setServices(List.of(Map.of("image", "postgres:15", "alias", "db", "readyness", Map.of("port", 5432))));
        DockerTestStep badPort = new DockerTestStep();
        badPort.setServices(List.of(Map.of("image", "postgres:15", "alias", "db", "ports", List.of(70000))));
        DockerTestStep twoReadiness = new DockerTestStep();
        twoReadiness.setServices(List.of(Map.of("image", "postgres:15", "alias", "db",
                "readiness", Map.of("port", 5432, "log", "ready"))));
        DockerTestStep timeout = new DockerTestStep();
        timeout.setTimeout("a while");

        assertThatThrownBy(() -> noImage.settings(List.of(), GLOBAL_GRACE)).isInstanceOf(AbortException.class)
                .hasMessageContaining("no 'image' given");
        assertThatThrownBy(() -> typo.settings(BUILT, GLOBAL_GRACE)).isInstanceOf(AbortException.class)
                .hasMessageContaining("dockerTest.services[0] (db): unknown key 'readyness'");
        assertThatThrownBy(() -> badPort.settings(BUILT, GLOBAL_GRACE)).isInstanceOf(AbortException.class)
                .hasMessageContaining("70000");
        assertThatThrownBy(() -> twoReadiness.settings(BUILT, GLOBAL_GRACE)).isInstanceOf(AbortException.class);
        assertThatThrownBy(() -> timeout.settings(BUILT, GLOBAL_GRACE)).isInstanceOf(AbortException.class)
                .hasMessageContaining("dockerTest.timeout");
    }

    @Test
    void aNonZeroExitFailsTheStepUnlessReturnStatusAsksForTheCode() throws Exception {
        DockerTestStep failing = new DockerTestStep();
        DockerTestStep status = new DockerTestStep();
        status.setReturnStatus(true);

        assertThat(failing.outcome(exited(0, false))).isNull();
        assertThatThrownBy(() -> failing.outcome(exited(1, false))).isInstanceOf(AbortException.class)
                .hasMessageContaining("exit code 1");
        assertThat(status.outcome(exited(0, false))).isZero();
        assertThat(status.outcome(exited(42, false))).isEqualTo(42);
        assertThatThrownBy(() -> status.outcome(exited(null, true))).as("a timeout fails even with returnStatus")
                .isInstanceOf(AbortException.class).hasMessageContaining("did not finish within 30m");
    }

    @Test
    void theSettingsCrossTheAgentChannel() throws Exception {
        DockerTestStep step = new DockerTestStep();
        step.setServices(List.of(Map.of("image", "postgres:15", "alias", "db", "readiness", Map.of("port", 5432))));
        step.setEnv(Map.of("A", "b"));

        assertThat(ClassFilterCheck.rejectedClassesOf(step.settings(BUILT, GLOBAL_GRACE))).isEmpty();
    }
}
