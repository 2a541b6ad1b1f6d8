package io.jenkins.plugins.dockerci.engine.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.AuthConfig;
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
}
