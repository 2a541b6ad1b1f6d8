package io.jenkins.plugins.dockerci.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins.RegistryLogin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigLoginsTest {

    @TempDir
    Path dir;
    private Path bin;
    private Map<String, String> env;

    @BeforeEach
    void helpers() throws IOException {
        bin = Files.createDirectories(dir.resolve("bin"));
        // each helper answers "<its name>-user" for any registry it knows, and counts its runs
        for (String name : new String[] {"store", "special"}) {
            CredentialHelperTest.script(bin, "docker-credential-" + name, """
                    #!/bin/sh
                    server=$(cat)
                    echo "$1 $server" >> "%s/%s.calls"
                    if [ "$1" = list ]; then printf '{"https://index.docker.io/v1/":"x","stored.example.com":"x"}'; exit 0; fi
                    case "$server" in
                      https://index.docker.io/v1/|stored.example.com|special.example.com|127.0.0.1:5001)
                        printf '{"ServerURL":"%%s","Username":"%s-user","Secret":"pw-%s"}' "$server" ;;
                      *) echo "credentials not found in native keychain"; exit 1 ;;
                    esac
                    """.formatted(dir, name, name, name));
        }
        env = Map.of("PATH", bin + ":" + System.getenv("PATH"), "DOCKER_CONFIG", dir.toString());
    }

    private DockerConfigLogins config(String json) throws IOException {
        Files.writeString(dir.resolve("config.json"), json);
        return DockerConfigLogins.load(env);
    }

    @Test
    void authsComeBeforeTheHelpersThenTheRegistrysOwnHelperThenTheStoreThenNothing() throws IOException {
        DockerConfigLogins logins = config("""
                {"auths": {"127.0.0.1:5001": {"auth": "Y2ktdXNlcjpzM2NyOnQ="}, "special.example.com": {}},
                 "credsStore": "store", "credHelpers": {"special.example.com": "special"}}""");

        RegistryLogin written = logins.forRegistry("127.0.0.1:5001").orElseThrow();
        assertThat(written.who()).isEqualTo("user ci-user");
        assertThat(written.origin()).contains("auths entry of " + dir.resolve("config.json"));
        RegistryLogin special = logins.forRegistry("special.example.com").orElseThrow();
        assertThat(special.who()).isEqualTo("user special-user");
        assertThat(special.origin()).contains("docker-credential-special (credHelpers in ");
        RegistryLogin hub = logins.forRegistry("registry-1.docker.io").orElseThrow();
        assertThat(hub.registry()).isEqualTo("docker.io");
        assertThat(hub.origin()).contains("docker-credential-store (credsStore in ");
        assertThat(logins.forRegistry("127.0.0.1:5000")).isEmpty();
    }

    @Test
    void theHelperIsAskedWithTheAddressTheDockerCliUsesAndOnlyOncePerRegistry() throws IOException {
        DockerConfigLogins logins = config("{\"credsStore\": \"store\"}");

        logins.forRegistry("docker.io");
        logins.forRegistry("index.docker.io");
        logins.forRegistry("127.0.0.1:5000");
        logins.forRegistry("127.0.0.1:5000");

        assertThat(Files.readAllLines(dir.resolve("store.calls"))).containsExactly("get https://index.docker.io/v1/", "get 127.0.0.1:5000");
    }

    @Test
    void knownListsTheAuthsTheRegistriesOfCredHelpersAndWhatTheStoreLists() throws IOException {
        DockerConfigLogins logins = config("""
                {"auths": {"127.0.0.1:5001": {"auth": "Y2ktdXNlcjpzM2NyOnQ="}},
                 "credsStore": "store", "credHelpers": {"special.example.com": "special"}}""");

        assertThat(logins.known()).extracting(RegistryLogin::registry)
                .containsExactly("127.0.0.1:5001", "special.example.com", "docker.io", "stored.example.com");
    }

    @Test
    void withoutAFileThereAreNoCredentialsAndTheAdviceIsDockerLogin() {
        DockerConfigLogins logins = DockerConfigLogins.load(env);

        assertThat(logins.forRegistry("127.0.0.1:5001")).isEmpty();
        assertThat(logins.known()).isEmpty();
        assertThat(logins.howToConfigure("127.0.0.1:5001")).contains("docker login 127.0.0.1:5001");
    }

    @Test
    void aStoreThatIsNotInstalledIsAnErrorWhenARegistryNeedsIt() throws IOException {
        DockerConfigLogins logins = config("{\"auths\": {\"127.0.0.1:5001\": {\"auth\": \"Y2ktdXNlcjpzM2NyOnQ=\"}}, \"credsStore\": \"desktop\"}");

        assertThat(logins.forRegistry("127.0.0.1:5001")).isPresent();
        assertThatThrownBy(() -> logins.forRegistry("127.0.0.1:5000")).isInstanceOf(DockerCiException.class)
                .hasMessageContaining("docker-credential-desktop (credsStore in " + dir.resolve("config.json") + ") is not on the PATH");
    }
}
