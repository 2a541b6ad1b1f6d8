package io.jenkins.plugins.dockerci.engine.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.services.wait.PortWaitStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceSpecTest {

    @Test
    void defaultsToWaitingForTheExposedPorts() {
        assertThat(ServiceSpec.builder("db", "pg").expose(5432, 80).build().waitStrategy())
                .isInstanceOfSatisfying(PortWaitStrategy.class, w -> assertThat(w.ports()).isEmpty());
        assertThat(ServiceSpec.builder("db", "pg").expose(5432, 80).build().exposedPorts()).containsExactly(80, 5432);
    }

    @Test
    void theNameIsTheFirstAlias() {
        assertThat(ServiceSpec.builder("db", "pg").alias("postgres", "db").build().allAliases()).containsExactly("db", "postgres");
    }

    @Test
    void toStringHidesEnvValues() {
        assertThat(ServiceSpec.builder("db", "pg").env("POSTGRES_PASSWORD", "hunter2").build().toString())
                .contains("POSTGRES_PASSWORD").doesNotContain("hunter2");
    }

    @Test
    void rejectsInvalidNamesPortsAndTimeouts() {
        assertThatThrownBy(() -> ServiceSpec.builder("my.db", "pg").build()).hasMessageContaining("service name 'my.db'");
        assertThatThrownBy(() -> ServiceSpec.builder("db", " ").build()).hasMessageContaining("image of service 'db'");
        assertThatThrownBy(() -> ServiceSpec.builder("db", "pg").expose(70000).build()).hasMessageContaining("70000");
        assertThatThrownBy(() -> ServiceSpec.builder("db", "pg").dependsOn("db").build()).hasMessageContaining("itself");
        assertThatThrownBy(() -> ServiceSpec.builder("db", "pg").startupTimeout(java.time.Duration.ZERO).build())
                .hasMessageContaining("startup timeout");
    }

    @Test
    void graphRejectsDuplicatesUnknownDependenciesAndCycles() {
        ServiceSpec a = ServiceSpec.builder("a", "i").dependsOn("b").build();
        ServiceSpec b = ServiceSpec.builder("b", "i").dependsOn("a").build();
        assertThatThrownBy(() -> ServiceGraph.validate(List.of(a, b))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("cycle");
        assertThatThrownBy(() -> ServiceGraph.validate(List.of(a))).hasMessageContaining("depends on 'b', which is not defined");
        ServiceSpec x = ServiceSpec.builder("x", "i").build();
        assertThatThrownBy(() -> ServiceGraph.validate(List.of(x, x))).hasMessageContaining("Two services are named 'x'");
        ServiceSpec y = ServiceSpec.builder("y", "i").alias("x").build();
        assertThatThrownBy(() -> ServiceGraph.validate(List.of(x, y))).hasMessageContaining("alias 'x'");
        ServiceGraph.validate(List.of(ServiceSpec.builder("b", "i").build(), ServiceSpec.builder("a", "i").dependsOn("b").build()));
    }

    @Test
    void commandsKeepExecAndShellFormsApart() {
        assertThat(ContainerCommand.exec("echo", "a b").argv()).containsExactly("echo", "a b");
        assertThat(ContainerCommand.shell("echo a b").argv()).containsExactly("/bin/sh", "-c", "echo a b");
        assertThatThrownBy(() -> ContainerCommand.exec(List.of())).hasMessageContaining("needs a program");
        assertThatThrownBy(() -> ContainerCommand.shell(" ")).hasMessageContaining("non-blank");
    }
}
