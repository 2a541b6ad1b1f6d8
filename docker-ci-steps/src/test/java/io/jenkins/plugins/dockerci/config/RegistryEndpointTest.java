package io.jenkins.plugins.dockerci.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegistryEndpointTest {

    @Test
    void keepsUrlAndCredentialsIdWithBlankMeaningAnonymous() {
        RegistryEndpoint endpoint = new RegistryEndpoint(" registry.example.com:5000 ", " ");

        assertThat(endpoint.getUrl()).isEqualTo("registry.example.com:5000");
        assertThat(endpoint.getCredentialsId()).isNull();
        assertThat(new RegistryEndpoint("r.example.com", " reg ").getCredentialsId()).isEqualTo("reg");
    }

    @Test
    void bindingNeverThrowsAndTheCheckSaysWhatIsWrong_W13() {
        RegistryEndpoint typo = new RegistryEndpoint("ftp://r.example.com", "c");

        assertThat(typo.getUrl()).isEqualTo("ftp://r.example.com");
        assertThat(typo.matches("r.example.com")).isFalse();
        assertThat(ConfigValidation.registryUrl("")).get().asString().contains("Enter the registry URL");
        assertThat(ConfigValidation.registryUrl("ftp://r.example.com")).get().asString().contains("https:// or http://");
        assertThat(ConfigValidation.registryUrl("https://")).isPresent();
    }

    @Test
    void equalityAndTextFollowTheFields() {
        assertThat(new RegistryEndpoint("r.example.com", "c")).isEqualTo(new RegistryEndpoint("r.example.com", "c"))
                .hasSameHashCodeAs(new RegistryEndpoint("r.example.com", "c"))
                .isNotEqualTo(new RegistryEndpoint("r.example.com", "d"));
        assertThat(new RegistryEndpoint("r.example.com", "c")).hasToString("RegistryEndpoint[r.example.com, credentialsId=c]");
    }

    @Test
    void registryKeysFoldSpellingsOfTheSameRegistry() {
        assertThat(RegistryUrls.key("https://Registry.Example.com:443/v2/")).isEqualTo("registry.example.com");
        assertThat(RegistryUrls.key("http://r.example.com:80")).isEqualTo("r.example.com");
        assertThat(RegistryUrls.key("r.example.com:5000")).isEqualTo("r.example.com:5000");
        assertThat(RegistryUrls.key("index.docker.io")).isEqualTo(RegistryUrls.key("https://registry-1.docker.io"))
                .isEqualTo("docker.io");
        assertThat(RegistryUrls.asUri("r.example.com:5000")).isEqualTo("https://r.example.com:5000");
        assertThat(RegistryUrls.asUri("http://r:5000")).isEqualTo("http://r:5000");
    }
}
