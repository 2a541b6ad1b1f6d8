package io.jenkins.plugins.dockerci.engine.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvTemplatesTest {

    private final ServiceSpec db = ServiceSpec.builder("db", "postgres").expose(5432).env("POSTGRES_DB", "test")
            .publishPorts(true).build();
    private final ServiceCoordinates running = new ServiceCoordinates("db", List.of("db"), "id", "dci-db", "172.18.0.2",
            List.of(5432), Map.of("POSTGRES_DB", "test"), Map.of(5432, 49153), Duration.ofSeconds(1));

    @Test
    void resolvesHostPortEnvIpAndHostPortReferences() {
        EnvTemplates t = EnvTemplates.parse(Map.of(
                "DATABASE_URL", "postgresql://postgres@${db.host}:${db.port.5432}/${db.env.POSTGRES_DB}",
                "DB_IP", "${db.ip}",
                "FROM_HOST", "127.0.0.1:${db.hostPort.5432}"));
        t.validateAgainst(List.of(db));
        assertThat(t.resolve(Map.of("db", running))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "DATABASE_URL", "postgresql://postgres@db:5432/test",
                "DB_IP", "172.18.0.2",
                "FROM_HOST", "127.0.0.1:49153"));
    }

    @Test
    void fromTheHostTheServiceIsReachedThroughItsPublishedPortOnLoopback() {
        EnvTemplates t = EnvTemplates.parse(Map.of("DATABASE_URL", "postgresql://${db.host}:${db.port.5432}/${db.env.POSTGRES_DB}"));
        assertThat(t.resolveForHost(Map.of("db", running))).containsEntry("DATABASE_URL", "postgresql://127.0.0.1:49153/test");
        ServiceCoordinates unpublished = new ServiceCoordinates("db", List.of("db"), "id", "c", "172.18.0.2", List.of(5432),
                Map.of("POSTGRES_DB", "test"), Map.of(), Duration.ZERO);
        assertThatThrownBy(() -> t.resolveForHost(Map.of("db", unpublished))).hasMessageContaining("not published");
    }

    @Test
    void doubleDollarIsALiteral() {
        EnvTemplates t = EnvTemplates.parse(Map.of("X", "$${db.host} is ${db.host}, $HOME stays"));
        assertThat(t.resolve(Map.of("db", running))).containsEntry("X", "${db.host} is db, $HOME stays");
    }

    @Test
    void unknownServiceIsRejectedNamingVariableAndAvailableServices() {
        EnvTemplates t = EnvTemplates.parse(Map.of("URL", "http://${cache.host}/"));
        assertThatThrownBy(() -> t.validateAgainst(List.of(db))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("URL").hasMessageContaining("${cache.host}").hasMessageContaining("[db]");
    }

    @Test
    void portTheServiceDoesNotExposeIsRejected() {
        EnvTemplates t = EnvTemplates.parse(Map.of("URL", "${db.port.3306}"));
        assertThatThrownBy(() -> t.validateAgainst(List.of(db))).hasMessageContaining("does not expose port 3306")
                .hasMessageContaining("[5432]");
    }

    @Test
    void unknownVariableAndUnpublishedHostPortAreRejected() {
        assertThatThrownBy(() -> EnvTemplates.parse(Map.of("U", "${db.env.NOPE}")).validateAgainst(List.of(db)))
                .hasMessageContaining("no variable NOPE");
        ServiceSpec unpublished = ServiceSpec.builder("db", "postgres").expose(5432).build();
        assertThatThrownBy(() -> EnvTemplates.parse(Map.of("U", "${db.hostPort.5432}")).validateAgainst(List.of(unpublished)))
                .hasMessageContaining("does not publish");
    }

    @Test
    void malformedReferencesAreRejectedWithTheSyntax() {
        for (String bad : List.of("${db}", "${db.nope}", "${db.port.x}", "${.host}", "${db.host.extra}", "${}")) {
            assertThatThrownBy(() -> EnvTemplates.parse(Map.of("V", bad)), bad).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("${service.host}");
        }
    }
}
