package io.jenkins.plugins.dockerci.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    @Test
    void masksEveryOccurrenceOfEverySecret() {
        SecretMasker masker = SecretMasker.of(List.of("s3cr:t-pässwörd", "token42"));

        assertThat(masker.mask("login s3cr:t-pässwörd then token42 and s3cr:t-pässwörd again"))
                .isEqualTo("login **** then **** and **** again");
    }

    @Test
    void masksTheLongerSecretWholeWhenOneContainsAnother() {
        SecretMasker masker = SecretMasker.of(List.of("abc", "abcdef"));

        assertThat(masker.mask("x abcdef y abc")).isEqualTo("x **** y ****");
    }

    @Test
    void ignoresNullAndEmptySecretsAndKeepsNullText() {
        SecretMasker masker = SecretMasker.of(Arrays.asList(null, "", "pw"));

        assertThat(masker.mask("a pw b")).isEqualTo("a **** b");
        assertThat(masker.mask(null)).isNull();
        assertThat(SecretMasker.NONE.mask("pw")).isEqualTo("pw");
    }

    @Test
    void toStringNeverShowsASecret() {
        assertThat(SecretMasker.of(List.of("hunter2")).toString()).doesNotContain("hunter2").contains("1 secret");
    }
}
