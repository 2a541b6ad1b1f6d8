package io.jenkins.plugins.dockerci.params;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServicesVariablesTest {

    private final ServicesVariables variables = new ServicesVariables(Set.of("db", "my-cache"), Set.of("DATABASE_URL"));

    @Test
    void theServicesCoordinatesAndTheTemplatesAreAccepted() {
        Map<String, String> reported = Map.of("DB_HOST", "127.0.0.1", "DB_PORT", "32768", "DB_PORT_5432", "32768",
                "MY_CACHE_PORT_6379", "32769", "DATABASE_URL", "postgresql://127.0.0.1:32768/t");

        assertThat(variables.accept(reported, name -> { })).isEqualTo(reported);
    }

    @Test
    void anythingElseAnAgentSendsIsDropped_W14() {
        List<String> unexpected = new ArrayList<>();

        Map<String, String> accepted = variables.accept(Map.of("PATH", "/tmp/evil", "LD_PRELOAD", "/tmp/evil.so",
                "DB_HOST", "127.0.0.1", "DB_HOSTNAME", "x", "OTHER_HOST", "x", "DB_PORT_abc", "1"), unexpected::add);

        assertThat(accepted).containsOnlyKeys("DB_HOST");
        assertThat(unexpected).containsExactlyInAnyOrder("PATH", "LD_PRELOAD", "DB_HOSTNAME", "OTHER_HOST", "DB_PORT_abc");
    }
}
