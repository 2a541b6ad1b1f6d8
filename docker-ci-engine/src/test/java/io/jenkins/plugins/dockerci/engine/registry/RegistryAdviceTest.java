package io.jenkins.plugins.dockerci.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerci.engine.image.ImageReference;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins.RegistryLogin;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryAdviceTest {

    private static final ImageReference IMAGE = ImageReference.parse("127.0.0.1:5001/private/busybox:1");
    private static final RegistryLogin LOGIN = new RegistryLogin("127.0.0.1:5001",
            RegistryCredentials.usernamePassword("ci-user", "pw-123456"), "environment variables REG_USER/REG_PASSWORD");
    private static final RegistryLogins CALLER = RegistryLogins.of(List.of(), registry -> "add " + registry + " to a registry: entry");

    @Test
    void missingCredentialsSayNoneAreConfiguredAndGiveTheCallersAdvice() {
        String message = RegistryAdvice.explain(RegistryFailure.CREDENTIALS_MISSING, IMAGE, "pull", Optional.empty(), CALLER,
                "no basic auth credentials");

        assertThat(message).isEqualTo("registry 127.0.0.1:5001 requires credentials and none are configured for 127.0.0.1:5001"
                + " (the registry said: no basic auth credentials) — add 127.0.0.1:5001 to a registry: entry.");
    }

    @Test
    void rejectedCredentialsNameTheUserAndTheirOriginButNoSecret() {
        String message = RegistryAdvice.explain(RegistryFailure.CREDENTIALS_REJECTED, IMAGE, "pull", Optional.of(LOGIN), CALLER,
                "unauthorized: authentication required");

        assertThat(message).startsWith("the credentials for 127.0.0.1:5001 were rejected: user ci-user from environment variables"
                + " REG_USER/REG_PASSWORD (the registry said: unauthorized: authentication required) — correct them there")
                .endsWith("or add 127.0.0.1:5001 to a registry: entry.")
                .doesNotContain("pw-123456");
    }

    @Test
    void notFoundAndUnreachableNameTheRegistry() {
        assertThat(RegistryAdvice.explain(RegistryFailure.NOT_FOUND, IMAGE, "pull", Optional.of(LOGIN), CALLER, "manifest unknown"))
                .startsWith("there is no such image in registry 127.0.0.1:5001 (the registry said: manifest unknown)");
        assertThat(RegistryAdvice.explain(RegistryFailure.REGISTRY_UNREACHABLE, IMAGE, "pull", Optional.empty(), CALLER,
                "connect: connection refused"))
                .startsWith("registry 127.0.0.1:5001 is not reachable from the Docker engine (connect: connection refused)");
    }

    @Test
    void aFromStepWhoseBaseCouldNotBePulledNamesTheImageAndRegistry() {
        RegistryLogins logins = RegistryLogins.of(List.of(LOGIN));

        assertThat(RegistryAdvice.forBaseImage("FROM --platform=linux/amd64 127.0.0.1:5001/private/busybox:1 AS base",
                "unauthorized: authentication required", logins))
                .hasValueSatisfying(m -> assertThat(m).startsWith("image 127.0.0.1:5001/private/busybox:1 in registry 127.0.0.1:5001:"
                        + " the credentials for 127.0.0.1:5001 were rejected: user ci-user"));
        assertThat(RegistryAdvice.forBaseImage("FROM 127.0.0.1:5002/private/busybox:1",
                "Head \"http://127.0.0.1:5002/v2/private/busybox/manifests/1\": no basic auth credentials", CALLER))
                .hasValueSatisfying(m -> assertThat(m).contains("none are configured for 127.0.0.1:5002")
                        .contains("add 127.0.0.1:5002 to a registry: entry"));
    }

    @Test
    void otherFailuresAndOtherStepsAreLeftAsTheEngineSaidThem() {
        assertThat(RegistryAdvice.forBaseImage("FROM 127.0.0.1:5001/private/busybox:1", "no space left on device", CALLER)).isEmpty();
        assertThat(RegistryAdvice.forBaseImage("RUN docker login", "unauthorized", CALLER)).isEmpty();
        assertThat(RegistryAdvice.forBaseImage("FROM ${BASE}", "unauthorized", CALLER)).isEmpty();
    }
}
