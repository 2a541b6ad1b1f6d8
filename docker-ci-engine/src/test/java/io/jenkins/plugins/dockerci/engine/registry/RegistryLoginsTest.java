package io.jenkins.plugins.dockerci.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins.RegistryLogin;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryLoginsTest {

    private static RegistryLogin login(String registry, String user, String origin) {
        return new RegistryLogin(registry, RegistryCredentials.usernamePassword(user, "pw-" + user), origin);
    }

    @Test
    void aFixedSetAnswersByHostWhateverFormTheRegistryIsAskedIn() {
        RegistryLogin hub = login("https://index.docker.io/v1/", "hubuser", "test");
        RegistryLogins logins = RegistryLogins.of(List.of(hub, login("127.0.0.1:5001", "ci-user", "test")));

        assertThat(hub.registry()).isEqualTo("docker.io");
        assertThat(logins.forRegistry("docker.io")).contains(hub);
        assertThat(logins.forRegistry("registry-1.docker.io")).contains(hub);
        assertThat(logins.forRegistry("index.docker.io")).contains(hub);
        assertThat(logins.forRegistry("http://127.0.0.1:5001/")).map(RegistryLogin::who).contains("user ci-user");
        assertThat(logins.forRegistry("127.0.0.1:5000")).isEmpty();
    }

    @Test
    void theFirstLoginForARegistryWinsAndIsTheOneKnown() {
        RegistryLogin first = login("127.0.0.1:5001", "first", "the first source");
        RegistryLogins logins = RegistryLogins.of(List.of(first, login("127.0.0.1:5001", "second", "the second source"),
                login("127.0.0.1:5002", "other", "test")));

        assertThat(logins.forRegistry("127.0.0.1:5001")).contains(first);
        assertThat(logins.known()).extracting(RegistryLogin::registry).containsExactly("127.0.0.1:5001", "127.0.0.1:5002");
        assertThat(logins.known().get(0)).isSameAs(first);
    }

    @Test
    void aCallerGivesItsOwnAdvice() {
        RegistryLogins jenkins = RegistryLogins.of(List.of(), registry -> "add " + registry + " to the global registries");

        assertThat(jenkins.howToConfigure("127.0.0.1:5001")).isEqualTo("add 127.0.0.1:5001 to the global registries");
        assertThat(RegistryLogins.of(List.of()).howToConfigure("r.example.com")).isEqualTo(RegistryLogins.none().howToConfigure("r.example.com"));
    }

    @Test
    void noneKnowsNothingAndTheDefaultAdviceNamesTheRegistry() {
        assertThat(RegistryLogins.none().forRegistry("127.0.0.1:5001")).isEmpty();
        assertThat(RegistryLogins.none().known()).isEmpty();
        assertThat(RegistryLogins.none().howToConfigure("127.0.0.1:5001")).contains("127.0.0.1:5001");
    }

    @Test
    void aLoginSaysWhoAndWhereFromButNeverTheSecret() {
        RegistryLogin token = new RegistryLogin("docker.io", RegistryCredentials.identityToken("tok-abcdef"), "a helper");
        RegistryLogin user = login("127.0.0.1:5001", "ci-user", "the flow file");

        assertThat(token.who()).isEqualTo("an identity token");
        assertThat(user.who()).isEqualTo("user ci-user");
        assertThat(token.toString()).contains("docker.io", "a helper").doesNotContain("tok-abcdef");
        assertThat(user.toString()).contains("ci-user", "the flow file").doesNotContain("pw-ci-user");
        assertThatThrownBy(() -> new RegistryLogin("127.0.0.1:5001", user.credentials(), " "))
                .hasMessageContaining("origin");
    }
}
