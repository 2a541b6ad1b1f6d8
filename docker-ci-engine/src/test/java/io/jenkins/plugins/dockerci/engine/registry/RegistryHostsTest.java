package io.jenkins.plugins.dockerci.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryHostsTest {

    @ParameterizedTest
    @CsvSource({
        "docker.io, docker.io",
        "index.docker.io, docker.io",
        "registry-1.docker.io, docker.io",
        "registry.hub.docker.com, docker.io",
        "https://index.docker.io/v1/, docker.io",
        "HTTPS://Registry-1.Docker.IO/v2/, docker.io",
        "127.0.0.1:5001, 127.0.0.1:5001",
        "http://127.0.0.1:5001/, 127.0.0.1:5001",
        "' https://Registry.Example.com:5000/v2/ ', registry.example.com:5000",
        "localhost:5000/team/app, localhost:5000",
    })
    void bringsEveryWayOfWritingARegistryToHostAndPort(String address, String host) {
        assertThat(RegistryHosts.normalise(address)).isEqualTo(host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "https://", "https:///v2/", "reg istry.example.com"})
    void anAddressWithoutAHostIsRejectedWithAnExample(String address) {
        assertThatThrownBy(() -> RegistryHosts.normalise(address)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("127.0.0.1:5001");
    }

    @ParameterizedTest
    @CsvSource({
        "docker.io, https://index.docker.io/v1/",
        "registry-1.docker.io, https://index.docker.io/v1/",
        "https://index.docker.io/v1/, https://index.docker.io/v1/",
        "127.0.0.1:5001, 127.0.0.1:5001",
        "https://registry.example.com/, registry.example.com",
    })
    void theAuthKeyIsWhatTheEngineAndTheCredentialHelpersKnowARegistryBy(String address, String key) {
        assertThat(RegistryHosts.authKey(address)).isEqualTo(key);
    }
}
