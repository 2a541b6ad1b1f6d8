package io.jenkins.plugins.dockerci.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.DockerCiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialHelperTest {

    private static final String PASSWORD = "s3cr:t-p\u00e4ssw\u00f6rd";

    @Test
    void getAnswersUsernameAndSecret() {
        assertThat(CredentialHelper.parseGet(0, "{\"ServerURL\":\"127.0.0.1:5001\",\"Username\":\"ci-user\",\"Secret\":\"" + PASSWORD + "\"}",
                "", "get"))
                .contains(RegistryCredentials.usernamePassword("ci-user", PASSWORD));
    }

    @Test
    void theTokenUsernameMeansTheSecretIsAnIdentityToken() {
        assertThat(CredentialHelper.parseGet(0, "{\"ServerURL\":\"https://index.docker.io/v1/\",\"Username\":\"<token>\",\"Secret\":\"tok-1\"}",
                "", "get"))
                .contains(RegistryCredentials.identityToken("tok-1"));
    }

    @Test
    void notFoundInTheKeychainAndAnEmptySecretMeanNone() {
        assertThat(CredentialHelper.parseGet(1, "credentials not found in native keychain\n", "", "get")).isEmpty();
        assertThat(CredentialHelper.parseGet(1, "", "credentials not found in native keychain", "get")).isEmpty();
        assertThat(CredentialHelper.parseGet(0, "{\"ServerURL\":\"x\",\"Username\":\"\",\"Secret\":\"\"}", "", "get")).isEmpty();
    }

    @Test
    void anyOtherFailureIsAnErrorThatQuotesTheHelperButNotItsAnswer() {
        assertThatThrownBy(() -> CredentialHelper.parseGet(2, "gpg: decryption failed: No secret key", "", "docker-credential-pass get"))
                .isInstanceOf(DockerCiException.class)
                .hasMessageContaining("docker-credential-pass get failed with exit code 2: gpg: decryption failed")
                .hasMessageContaining("docker login");
        assertThatThrownBy(() -> CredentialHelper.parseGet(0, "Username=ci-user Secret=" + PASSWORD, "", "docker-credential-x get"))
                .isInstanceOf(DockerCiException.class)
                .hasMessageContaining("did not answer with a JSON object")
                .hasMessageNotContaining(PASSWORD);
        assertThatThrownBy(() -> CredentialHelper.parseGet(0, "{\"Username\":\"\",\"Secret\":\"" + PASSWORD + "\"}", "", "x get"))
                .hasMessageContaining("without a username").hasMessageNotContaining(PASSWORD);
    }

    @Test
    void listAnswersAddressesAndUsernames() {
        assertThat(CredentialHelper.parseList("{\"https://index.docker.io/v1/\":\"hubuser\",\"127.0.0.1:5001\":\"ci-user\"}", "list"))
                .containsExactly(Map.entry("https://index.docker.io/v1/", "hubuser"), Map.entry("127.0.0.1:5001", "ci-user"));
        assertThat(CredentialHelper.parseList("{}", "list")).isEmpty();
    }

    @Test
    void aHelperOnThePathIsRunWithTheServerAddressOnStdin(@TempDir Path bin) throws IOException {
        script(bin, "docker-credential-ci", """
                #!/bin/sh
                server=$(cat)
                case "$1 $server" in
                  "get 127.0.0.1:5001") printf '{"ServerURL":"%s","Username":"ci-user","Secret":"%s"}' "$server" "$SECRET" ;;
                  "list unused") printf '{"127.0.0.1:5001":"ci-user"}' ;;
                  *) echo "credentials not found in native keychain"; exit 1 ;;
                esac
                """);
        CredentialHelper helper = CredentialHelper.find("ci", Map.of("PATH", "/nonexistent:" + bin + ":" + System.getenv("PATH"), "SECRET", PASSWORD), "test");

        assertThat(helper.program()).isEqualTo("docker-credential-ci");
        assertThat(helper.get("127.0.0.1:5001")).contains(RegistryCredentials.usernamePassword("ci-user", PASSWORD));
        assertThat(helper.get("127.0.0.1:5000")).isEmpty();
        assertThat(helper.list()).containsOnly(Map.entry("127.0.0.1:5001", "ci-user"));
    }

    @Test
    void aHelperThatIsNotOnThePathOrHasNoValidNameIsExplained(@TempDir Path bin) {
        assertThatThrownBy(() -> CredentialHelper.find("desktop", Map.of("PATH", bin.toString()), "credsStore in /x/config.json"))
                .isInstanceOf(DockerCiException.class)
                .hasMessageContaining("docker-credential-desktop (credsStore in /x/config.json) is not on the PATH");
        assertThatThrownBy(() -> CredentialHelper.find("../evil", Map.of("PATH", bin.toString()), "credsStore in /x/config.json"))
                .isInstanceOf(DockerCiException.class)
                .hasMessageContaining("is not a credential helper name");
    }

    static void script(Path dir, String name, String text) throws IOException {
        Path file = Files.writeString(dir.resolve(name), text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
