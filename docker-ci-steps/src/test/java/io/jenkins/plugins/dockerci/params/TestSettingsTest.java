package io.jenkins.plugins.dockerci.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.EnvVars;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.services.ServiceSpec;
import io.jenkins.plugins.dockerci.engine.testrun.TestRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestSettingsTest {

    private static final Path WORKSPACE = Path.of("/ws/job");

    @Test
    void templatesAreLeftToTheEngineAndReportsGoIntoTheWorkspace() {
        ServiceParameters db = new ServiceParameters("postgres:15", "db");
        db.setPorts("5432");
        TestSettings settings = TestSettings.builder("app:1")
                .env(Map.of("URL", "postgresql://${db.host}:${db.port.5432}/t", "MODE", "ci"))
                .services(List.of(db.toSettings(new EnvVars())))
                .reports(List.of("/app/build/test-results"))
                .build();

        TestRequest request = settings.toRequest(WORKSPACE);

        assertThat(request.env()).containsEntry("URL", "postgresql://${db.host}:${db.port.5432}/t").containsEntry("MODE", "ci");
        assertThat(request.reportsDir()).isEqualTo(Path.of("/ws/job/docker-ci-reports"));
        assertThat(request.reportPaths()).containsExactly("/app/build/test-results");
        assertThat(request.timeout()).isEqualTo(TestRequest.DEFAULT_TIMEOUT);
    }

    @Test
    void aTemplateNamingAnUnknownServiceFailsOnTheController() {
        assertThatThrownBy(() -> TestSettings.builder("app:1").env(Map.of("URL", "${cache.host}")).build())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("cache");
    }

    @Test
    void withoutAnImageTheMessageSaysToBuildOneFirst() {
        assertThatThrownBy(() -> TestSettings.builder(null).build()).hasMessageContaining("dockerBuild");
    }

    @Test
    void reportsOutsideTheWorkspaceAreRejected() {
        assertThatThrownBy(() -> TestSettings.builder("app:1").reportsDir("../elsewhere").reports(List.of("/out")).build())
                .hasMessageContaining("outside the workspace");
    }

    @Test
    void aServiceFormBecomesTheEngineSpecWithItsReadinessAndVariablesExpanded() {
        ServiceParameters form = new ServiceParameters("postgres:${PG}", "db");
        form.setAliases("database, pg");
        form.setEnv("POSTGRES_PASSWORD=test");
        form.setCommand("postgres -c fsync=off");
        form.setPorts("5432");
        form.setTimeout("2m");
        ReadinessParameters readiness = new ReadinessParameters();
        readiness.setLog("ready to accept connections");
        readiness.setTimes(2);
        form.setReadiness(readiness);

        ServiceSpec spec = form.toSettings(new EnvVars(Map.of("PG", "15"))).toSpec();

        assertThat(spec.image()).isEqualTo("postgres:15");
        assertThat(spec.allAliases()).containsExactly("db", "database", "pg");
        assertThat(spec.env()).containsEntry("POSTGRES_PASSWORD", "test");
        assertThat(spec.command().argv()).containsExactly("/bin/sh", "-c", "postgres -c fsync=off");
        assertThat(spec.exposedPorts()).containsExactly(5432);
        assertThat(spec.startupTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(spec.waitStrategy().description()).contains("ready to accept connections");
    }

    @Test
    void onlyOneReadinessCheckMayBeChosen() {
        assertThatThrownBy(() -> ReadinessSettings.of(5432, "ready", 1, false, null))
                .hasMessageContaining("2 checks are set; choose one");
        assertThat(ReadinessSettings.of(null, null, 1, false, " ")).isNull();
        assertThat(ReadinessSettings.of(5432, null, 1, false, null).kind()).isEqualTo(ReadinessSettings.Kind.PORT);
    }

    @Test
    void aServiceWithoutAliasButWithAliasesTakesTheFirst() {
        ServiceSettings settings = new ServiceSettings(" ", "redis:7", List.of("cache", "redis"), null, null, null, null,
                60_000, null);

        assertThat(settings.alias()).isEqualTo("cache");
        assertThat(settings.aliases()).containsExactly("redis");
        assertThatThrownBy(() -> new ServiceSettings(null, "redis:7", null, null, null, null, null, 60_000, null))
                .hasMessageContaining("has no alias");
    }
}
