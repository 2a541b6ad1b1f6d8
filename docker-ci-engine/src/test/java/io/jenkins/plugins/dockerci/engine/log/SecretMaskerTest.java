package io.jenkins.plugins.dockerci.engine.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerci.engine.LogSink;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    private static final String SECRET = "s3cr:t-p\u00e4ssw\u00f6rd";

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void masksThePlainSecretInEveryLineAndKeepsTheKind() {
        List<String> lines = new ArrayList<>();
        SecretMasker masker = SecretMasker.wrap((kind, text) -> lines.add(kind + " " + text), List.of(SECRET));

        masker.warn("login with " + SECRET + " failed");

        assertThat(lines).containsExactly("WARN login with **** failed");
    }

    @Test
    void masksBase64UrlEncodedAndJsonEscapedForms() {
        SecretMasker masker = SecretMasker.of(List.of(SECRET));

        assertThat(masker.mask("auth " + b64(SECRET))).isEqualTo("auth ****");
        assertThat(masker.mask("q=" + URLEncoder.encode(SECRET, StandardCharsets.UTF_8))).isEqualTo("q=****");
        assertThat(masker.mask("{\"password\":\"s3cr:t-p\\u00e4ssw\\u00f6rd\"}")).isEqualTo("{\"password\":\"****\"}");
        assertThat(masker.mask("{\"password\":\"s3cr:t-p\\u00E4ssw\\u00F6rd\"}")).isEqualTo("{\"password\":\"****\"}");
    }

    @Test
    void masksTheSecretInsideALongerBase64TextAtEveryAlignment() {
        SecretMasker masker = SecretMasker.of(List.of(SECRET));
        for (String prefix : List.of("{\"password\":\"", "{\"password\": \"", "{\"password\":  \"")) {
            String encoded = b64(prefix + SECRET + "\",\"username\":\"ci-user\"}");

            String masked = masker.mask(encoded);

            assertThat(masked).contains(SecretMasker.MASK);
            // what is left around the mask cannot be decoded back into the secret
            assertThat(masked.replace(SecretMasker.MASK, "")).doesNotContain(b64(SECRET).substring(4, 12));
        }
    }

    @Test
    void masksTheBasicAuthorizationValueOfUserAndPassword() {
        SecretMasker masker = SecretMasker.of(List.of(SECRET, "ci-user:" + SECRET));

        assertThat(masker.mask("Authorization: Basic " + b64("ci-user:" + SECRET))).isEqualTo("Authorization: Basic ****");
    }

    @Test
    void leavesTextWithoutSecretsAndNullAlone() {
        SecretMasker masker = SecretMasker.of(List.of(SECRET));

        assertThat(masker.mask("Pushed 127.0.0.1:5000/app:1")).isEqualTo("Pushed 127.0.0.1:5000/app:1");
        assertThat(masker.mask(null)).isNull();
    }

    @Test
    void aShortSecretIsMaskedWhereItAppearsWithoutStarringItsEncodingsEverywhere() {
        SecretMasker masker = SecretMasker.of(List.of("ab"));

        assertThat(masker.mask("cab YWI= sha256")).isEqualTo("c**** YWI= sha256");
    }

    @Test
    void ignoresEmptyAndNullSecrets() {
        List<String> secrets = new ArrayList<>();
        secrets.add(null);
        secrets.add("");
        LogSink sink = SecretMasker.wrap(LogSink.NONE, secrets);

        assertThat(((SecretMasker) sink).mask("unchanged")).isEqualTo("unchanged");
    }
}
