package io.jenkins.plugins.dockerci.params;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerci.cleanup.CleanupSummary;
import io.jenkins.plugins.dockerci.cleanup.CleanupTask;
import io.jenkins.plugins.dockerci.cleanup.ReapTask;
import io.jenkins.plugins.dockerci.config.BuiltImagePolicy;
import io.jenkins.plugins.dockerci.config.RegistryLogin;
import io.jenkins.plugins.dockerci.host.DockerHostSpec;
import io.jenkins.plugins.dockerci.testsupport.ClassFilterCheck;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every task and result that crosses the agent channel passes Jenkins' class filter (JEP-200). */
class AgentValuesTest {

    private final EngineTarget target = new EngineTarget(DockerHostSpec.nodeDefault(Map.of("DOCKER_HOST", "unix:///x.sock")),
            "owner-1", "app-1-0123456789ab");

    @Test
    void tasksAndResultsUsePlainValuesOnly() {
        ServiceSettings db = new ServiceSettings("db", "postgres:15", List.of("database"), Map.of("A", "b"),
                CommandSpec.shell("postgres"), List.of(5432), ReadinessSettings.of(null, "ready", 2, false, null), 60_000,
                List.of());
        TestSettings test = TestSettings.builder("app:1").command(CommandSpec.exec(List.of("make", "test")))
                .env(Map.of("URL", "postgresql://${db.host}:${db.port.5432}/x")).services(List.of(db))
                .reports(List.of("/out")).timeout(Duration.ofMinutes(1)).build();
        List<Object> values = List.of(
                new BuildTask(target, BuildSettings.builder().tags(List.of("app:1")).buildArgs(Map.of("A", "1")).build()),
                new TestTask(target, test),
                new PushTask(target, new PushSettings("app:1", List.of("r.example.com/app:1"),
                        new RegistryLogin("r.example.com", "u", "p"), 3)),
                new CleanupTask(target.host(), "{}", BuiltImagePolicy.KEEP_PUSHED),
                new ReapTask(target.host(), "owner-1", List.of("a"), 1000, BuiltImagePolicy.REMOVE),
                new BuildOutcome("sha256:1", List.of("app:1"), 10),
                new PushOutcome("sha256:1", List.of(new PushOutcome.Pushed("r.example.com/app:1", "sha256:2"))),
                new TestSummary(false, 0, 10, Map.of("db", 5L), List.of("reports/x.xml"), List.of()),
                new CleanupSummary(1, 2, 0, List.of("could not remove x")));

        values.forEach(value -> assertThat(ClassFilterCheck.rejectedClassesOf(value)).as(value.getClass().getSimpleName()).isEmpty());
    }
}
