package io.jenkins.plugins.dockerci.engine.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LegacyLinkEnvTest {

    @Test
    void producesTheVariablesDockerLinkInjected() {
        ServiceCoordinates db = new ServiceCoordinates("my-db", List.of("my-db"), "id", "c", "172.18.0.2", List.of(8080, 5432),
                Map.of("SECRET_VAR", "fromdb"), Map.of(), Duration.ZERO);
        assertThat(LegacyLinkEnv.of(db, "tests")).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("MY_DB_NAME", "/tests/my-db"),
                Map.entry("MY_DB_PORT", "tcp://172.18.0.2:5432"),
                Map.entry("MY_DB_PORT_5432_TCP", "tcp://172.18.0.2:5432"),
                Map.entry("MY_DB_PORT_5432_TCP_ADDR", "172.18.0.2"),
                Map.entry("MY_DB_PORT_5432_TCP_PORT", "5432"),
                Map.entry("MY_DB_PORT_5432_TCP_PROTO", "tcp"),
                Map.entry("MY_DB_PORT_8080_TCP", "tcp://172.18.0.2:8080"),
                Map.entry("MY_DB_PORT_8080_TCP_ADDR", "172.18.0.2"),
                Map.entry("MY_DB_PORT_8080_TCP_PORT", "8080"),
                Map.entry("MY_DB_PORT_8080_TCP_PROTO", "tcp"),
                Map.entry("MY_DB_ENV_SECRET_VAR", "fromdb")));
    }

    @Test
    void aServiceWithoutPortsOnlyGetsItsName() {
        ServiceCoordinates worker = new ServiceCoordinates("worker", List.of("worker"), "id", "c", "172.18.0.3", List.of(),
                Map.of(), Map.of(), Duration.ZERO);
        assertThat(LegacyLinkEnv.of(worker, "t")).containsOnlyKeys("WORKER_NAME");
    }
}
