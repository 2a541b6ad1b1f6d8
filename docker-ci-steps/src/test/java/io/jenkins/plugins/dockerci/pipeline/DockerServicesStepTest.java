package io.jenkins.plugins.dockerci.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.EnvVars;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.junit.jupiter.api.Test;

class DockerServicesStepTest {

    @Test
    void variableNamesComeFromTheAlias() {
        assertThat(ServicesHoldTask.variablePrefix("db")).isEqualTo("DB");
        assertThat(ServicesHoldTask.variablePrefix("my-cache.1")).isEqualTo("MY_CACHE_1");
    }

    @Test
    void theBodysEnvironmentAddsTheServicesAfterTheEnclosingBlocks() throws Exception {
        EnvironmentExpander outer = new EnvironmentExpander() {
            @Override
            public void expand(EnvVars env) {
                env.put("FROM_OUTSIDE", "1");
                env.put("DB_HOST", "stale");
            }
        };
        EnvVars env = new EnvVars();

        new ServicesEnvironment(outer, Map.of("DB_HOST", "127.0.0.1", "DB_PORT", "32768")).expand(env);

        assertThat(env).containsEntry("FROM_OUTSIDE", "1").containsEntry("DB_HOST", "127.0.0.1").containsEntry("DB_PORT", "32768");
    }

    @Test
    void theEnvironmentWorksWithoutAnEnclosingExpander() throws Exception {
        EnvVars env = new EnvVars();

        new ServicesEnvironment(null, Map.of("DB_HOST", "127.0.0.1")).expand(env);

        assertThat(env).containsEntry("DB_HOST", "127.0.0.1");
    }

    @Test
    void aBlockWithoutServicesIsRejected() {
        assertThatThrownBy(() -> new DockerServicesStep(List.of()).settings()).isInstanceOf(AbortException.class)
                .hasMessageContaining("give at least one service");
    }

    @Test
    void aTemplateNamingAnUnknownServiceIsRejectedBeforeAnythingStarts() {
        DockerServicesStep step = new DockerServicesStep(List.of(Map.of("image", "postgres:15", "alias", "db", "ports", List.of(5432))));
        step.setEnv(Map.of("URL", "postgresql://${database.host}:5432/t"));

        assertThatThrownBy(step::settings).isInstanceOf(AbortException.class)
                .hasMessageStartingWith("dockerServices: ").hasMessageContaining("database");
    }

    @Test
    void theDescriptorTakesABody() {
        assertThat(new DockerServicesStep.DescriptorImpl().takesImplicitBlockArgument()).isTrue();
        assertThat(new DockerServicesStep.DescriptorImpl().getFunctionName()).isEqualTo("dockerServices");
    }
}
