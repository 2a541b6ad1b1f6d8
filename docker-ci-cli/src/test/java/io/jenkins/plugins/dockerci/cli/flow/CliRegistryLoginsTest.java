package io.jenkins.plugins.dockerci.cli.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerci.engine.registry.RegistryCredentials;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins.RegistryLogin;
import java.util.List;
import org.junit.jupiter.api.Test;

class CliRegistryLoginsTest {

    private static RegistryLogin login(String registry, String user, String origin) {
        return new RegistryLogin(registry, RegistryCredentials.usernamePassword(user, "pw-" + user), origin);
    }

    private final RegistryLogins dockerConfig = RegistryLogins.of(List.of(login("127.0.0.1:5001", "from-config", "config.json"),
            login("docker.io", "hubuser", "a credential helper")), registry -> "run 'docker login " + registry + "'");

    @Test
    void theFlowFileComesFirstThenTheDockerConfigurationThenNothing() {
        CliRegistryLogins logins = new CliRegistryLogins(List.of(login("127.0.0.1:5001", "from-yaml", "the flow file")), dockerConfig);

        assertThat(logins.forRegistry("127.0.0.1:5001")).map(RegistryLogin::origin).contains("the flow file");
        assertThat(logins.forRegistry("index.docker.io")).map(RegistryLogin::origin).contains("a credential helper");
        assertThat(logins.forRegistry("127.0.0.1:5000")).isEmpty();
        assertThat(logins.known()).extracting(RegistryLogin::who).containsExactly("user from-yaml", "user hubuser");
    }

    @Test
    void theAdviceNamesTheCommandLinesOwnSources() {
        String advice = new CliRegistryLogins(List.of(), dockerConfig).howToConfigure("127.0.0.1:5001");

        assertThat(advice).contains("registry: {url: 127.0.0.1:5001, usernameVariable: <VAR>, passwordVariable: <VAR>}")
                .contains("run 'docker login 127.0.0.1:5001'").contains("credential helper")
                .doesNotContain("credentials ID").doesNotContain("Jenkins");
    }
}
