package io.jenkins.plugins.dockerci.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.AuthConfigurations;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins.RegistryLogin;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryAuthTest {

    private static final String PASSWORD = "s3cr:t-p\u00e4ssw\u00f6rd \"q\" \\";
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anonymousIsAnExplicitEmptyAuth() throws Exception {
        AuthConfig auth = RegistryAuth.forRegistry("127.0.0.1:5000", null);

        JsonNode sent = json.readTree(json.writeValueAsString(auth));
        assertThat(auth.getUsername()).isNull();
        assertThat(sent.path("password").isMissingNode() || sent.path("password").isNull()).isTrue();
    }

    @Test
    void theJsonSentToTheEngineIsPureAsciiAndCarriesThePasswordExactly() throws Exception {
        AuthConfig auth = RegistryAuth.forRegistry("127.0.0.1:5001", RegistryCredentials.usernamePassword("\u00fcser", PASSWORD));

        String sent = json.writeValueAsString(auth);

        assertThat(sent.chars()).allMatch(c -> c < 0x80);
        JsonNode parsed = json.readTree(sent);
        assertThat(parsed.get("password").asText()).isEqualTo(PASSWORD);
        assertThat(parsed.get("username").asText()).isEqualTo("\u00fcser");
        assertThat(parsed.get("serveraddress").asText()).isEqualTo("127.0.0.1:5001");
        assertThat(auth.toString()).doesNotContain("s3cr");
    }

    @Test
    void anIdentityTokenIsSentAsSuch() throws Exception {
        AuthConfig auth = RegistryAuth.forRegistry("docker.io", RegistryCredentials.identityToken("tok-\u00e9"));

        JsonNode parsed = json.readTree(json.writeValueAsString(auth));

        assertThat(parsed.get("identitytoken").asText()).isEqualTo("tok-\u00e9");
        assertThat(auth.toString()).doesNotContain("tok-");
    }

    @Test
    void aBuildGetsEveryKnownLoginKeyedAsTheEngineLooksThemUpInPureAscii() throws Exception {
        List<String> log = new ArrayList<>();
        RegistryLogins logins = RegistryLogins.of(List.of(
                new RegistryLogin("127.0.0.1:5001", RegistryCredentials.usernamePassword("ci-user", PASSWORD), "the flow file"),
                new RegistryLogin("registry-1.docker.io", RegistryCredentials.identityToken("tok-\u00e9"), "a helper")));

        AuthConfigurations configs = RegistryAuth.forBuild(logins, (kind, text) -> log.add(text));

        // docker-java turns the configurations into a tree before writing them when no API version is pinned
        String sent = json.valueToTree(configs.getConfigs()).toString();
        assertThat(sent.chars()).allMatch(c -> c < 0x80);
        JsonNode parsed = json.readTree(sent);
        assertThat(parsed.get("127.0.0.1:5001").get("password").asText()).isEqualTo(PASSWORD);
        assertThat(parsed.get("https://index.docker.io/v1/").get("identitytoken").asText()).isEqualTo("tok-\u00e9");
        assertThat(log).containsExactly("Credentials for pulling base images: 127.0.0.1:5001 as user ci-user (from the flow file),"
                + " docker.io as an identity token (from a helper)");
    }

    @Test
    void aBuildWithoutLoginsSaysSoAndSendsNoConfigurations() {
        List<String> log = new ArrayList<>();

        assertThat(RegistryAuth.forBuild(RegistryLogins.none(), (kind, text) -> log.add(text)).getConfigs()).isEmpty();
        assertThat(log).containsExactly("Base images are pulled anonymously (no registry credentials configured)");
    }
}
