package io.jenkins.plugins.dockerci.engine.buildkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.registry.RegistryCredentials;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins.RegistryLogin;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionServicesTest {

    private final List<String> asked = new ArrayList<>();
    private final List<String> logged = new ArrayList<>();
    private final RegistryLogins logins = registry -> {
        asked.add(registry);
        return switch (registry) {
            case "127.0.0.1:5001" -> Optional.of(new RegistryLogin(registry,
                    RegistryCredentials.usernamePassword("ci-user", "s3cr:t-p\u00e4ss"), "test"));
            case "docker.io" -> Optional.of(new RegistryLogin(registry, RegistryCredentials.identityToken("refresh-token"), "test"));
            default -> Optional.empty();
        };
    };
    private final SessionServices services = new SessionServices(logins,
            BuildSecrets.builder().value("token", "t0k3n", "test").build().read(),
            (kind, text) -> logged.add(text));

    @Test
    void answersHealthChecks() {
        assertThat(services.handle(SessionServices.HEALTH_CHECK, new byte[0])).isEqualTo(SessionMessages.healthServing());
    }

    @Test
    void answersCredentialsForARegistryFromItsLogin() {
        byte[] answer = services.handle(SessionServices.CREDENTIALS, credentialsRequest("127.0.0.1:5001"));

        assertThat(answer).isEqualTo(SessionMessages.credentialsResponse("ci-user", "s3cr:t-p\u00e4ss"));
        services.handle(SessionServices.CREDENTIALS, credentialsRequest("127.0.0.1:5001"));
        assertThat(logged).containsExactly("Credentials for pulling base images: 127.0.0.1:5001 as user ci-user (from test)");
    }

    @Test
    void asksForDockerHubByItsNameAndSendsAnIdentityTokenAsTheSecret() {
        byte[] answer = services.handle(SessionServices.CREDENTIALS, credentialsRequest("registry-1.docker.io"));

        assertThat(asked).containsExactly("docker.io");
        assertThat(answer).isEqualTo(SessionMessages.credentialsResponse("", "refresh-token"));
    }

    @Test
    void answersEmptyCredentialsForARegistryWithoutLogin() {
        byte[] answer = services.handle(SessionServices.CREDENTIALS, credentialsRequest("Registry.Example.com:443"));

        assertThat(answer).isEmpty();
        assertThat(asked).containsExactly("registry.example.com:443");
        assertThat(logged).containsExactly("Base images from registry.example.com:443 are pulled anonymously (no credentials"
                + " configured for registry.example.com:443)");
    }

    @Test
    void aFailingCredentialSourceIsKeptForTheBuildsErrorAndNotPassedToTheEngine() {
        SessionServices failing = new SessionServices(registry -> {
            throw new DockerCiException("credential helper docker-credential-pass failed: exit 1; check that it is installed");
        }, BuildSecrets.none().read(), LogSink.NONE);
        SessionServices broken = new SessionServices(registry -> {
            throw new IllegalStateException("helper printed password=hunter2");
        }, BuildSecrets.none().read(), LogSink.NONE);

        assertThatThrownBy(() -> failing.handle(SessionServices.CREDENTIALS, credentialsRequest("127.0.0.1:5001")))
                .isInstanceOfSatisfying(GrpcStatusException.class, e -> assertThat(e.code()).isEqualTo(GrpcStatusException.UNAVAILABLE))
                .hasMessage("the credentials for 127.0.0.1:5001 could not be read");
        assertThat(failing.credentialsFailure()).contains("credential helper docker-credential-pass failed: exit 1; check that it"
                + " is installed");
        assertThatThrownBy(() -> broken.handle(SessionServices.CREDENTIALS, credentialsRequest("127.0.0.1:5001")))
                .hasMessageNotContaining("hunter2");
        assertThat(broken.credentialsFailure()).hasValueSatisfying(failure -> assertThat(failure).doesNotContain("hunter2")
                .contains("IllegalStateException"));
    }

    @Test
    void answersAGivenSecretAndNotFoundForOthers() {
        byte[] request = new ProtoWriter().string(SessionMessages.SECRET_REQUEST_ID, "token").toByteArray();
        assertThat(services.handle(SessionServices.GET_SECRET, request))
                .isEqualTo(SessionMessages.secretResponse("t0k3n".getBytes(StandardCharsets.UTF_8)));

        byte[] other = new ProtoWriter().string(SessionMessages.SECRET_REQUEST_ID, "npm").toByteArray();
        assertThatThrownBy(() -> services.handle(SessionServices.GET_SECRET, other))
                .isInstanceOfSatisfying(GrpcStatusException.class, e -> assertThat(e.code()).isEqualTo(GrpcStatusException.NOT_FOUND));
        assertThat(services.missingSecrets()).containsExactly("npm");
    }

    @Test
    void everyOtherMethodIsUnimplemented() {
        for (String method : List.of("/moby.filesync.v1.FileSync/DiffCopy", "/moby.filesync.v1.Auth/GetTokenAuthority",
                "/moby.sshforward.v1.SSH/CheckAgent")) {
            assertThatThrownBy(() -> services.handle(method, new byte[0])).isInstanceOfSatisfying(GrpcStatusException.class,
                    e -> assertThat(e.code()).isEqualTo(GrpcStatusException.UNIMPLEMENTED));
        }
    }

    private static byte[] credentialsRequest(String host) {
        return new ProtoWriter().string(SessionMessages.CREDENTIALS_REQUEST_HOST, host).toByteArray();
    }
}
