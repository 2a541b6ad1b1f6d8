package io.jenkins.plugins.dockerci.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.testrun.TestRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestSettingsTest {

    private static final Path WORKSPACE = Path.of("/ws/job");

    @Test
    void templatesAreLeftToTheEngineAndReportsGoIntoTheWorkspace() {
        ServiceSettings db = new ServiceSettings("db", "postgres:15", List.of(), Map.of(), null, List.of(5432), null,
                ServiceSettings.DEFAULT_TIMEOUT.toMillis(), List.of(), null);
        TestSettings settings = TestSettings.builder("app:1")
                .env(Map.of("URL", "postgresql://${db.host}:${db.port.5432}/t", "MODE", "ci"))
                .services(List.of(db))
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
    void onlyOneReadinessCheckMayBeChosen() {
        assertThatThrownBy(() -> ReadinessSettings.of(5432, "ready", 1, false, null))
                .hasMessageContaining("2 checks are set; choose one");
        assertThat(ReadinessSettings.of(null, null, 1, false, " ")).isNull();
        assertThat(ReadinessSettings.of(5432, null, 1, false, null).kind()).isEqualTo(ReadinessSettings.Kind.PORT);
    }

    @Test
    void aServiceWithoutAliasButWithAliasesTakesTheFirst() {
        ServiceSettings settings = new ServiceSettings(" ", "redis:7", List.of("cache", "redis"), null, null, null, null,
                60_000, null, null);

        assertThat(settings.alias()).isEqualTo("cache");
        assertThat(settings.aliases()).containsExactly("redis");
        assertThatThrownBy(() -> new ServiceSettings(null, "redis:7", null, null, null, null, null, 60_000, null, null))
                .hasMessageContaining("has no alias");
    }
}
