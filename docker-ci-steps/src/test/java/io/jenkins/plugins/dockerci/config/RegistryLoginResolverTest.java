package io.jenkins.plugins.dockerci.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.dockerci.testsupport.ClassFilterCheck;
import io.jenkins.plugins.dockerci.testsupport.TestRun;
import io.jenkins.plugins.dockerci.testsupport.MapCredentialsLookup;
import io.jenkins.plugins.dockerci.testsupport.UsernamePassword;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryLoginResolverTest {

    @TempDir
    File buildDir;

    private final DockerCiConfiguration config = new DockerCiConfiguration();
    private final MapCredentialsLookup lookup = new MapCredentialsLookup(Map.of(
            "global-reg", new UsernamePassword("ci-user", "s3cr:t-pässwörd"),
            "step-reg", new UsernamePassword("step-user", "step-pw")));
    private Run<?, ?> run;

    @BeforeEach
    void configure() throws IOException {
        config.setRegistries(List.of(new RegistryEndpoint("https://127.0.0.1:5001", "global-reg")));
        run = new TestRun("app", 1, buildDir);
    }

    @Test
    void usesTheConfiguredCredentialsOfTheRegistryByUrl() throws AbortException {
        RegistryLogin login = new RegistryLoginResolver(config, lookup).resolve("127.0.0.1:5001", null, run).orElseThrow();

        assertThat(login).isEqualTo(new RegistryLogin("127.0.0.1:5001", "ci-user", "s3cr:t-pässwörd"));
        assertThat(lookup.lookedUp).containsExactly("global-reg@https://127.0.0.1:5001");
    }

    @Test
    void theStepsOwnCredentialsIdWins() throws AbortException {
        RegistryLogin login = new RegistryLoginResolver(config, lookup).resolve("127.0.0.1:5001", "step-reg", run).orElseThrow();

        assertThat(login.username()).isEqualTo("step-user");
        assertThat(lookup.tracked).extracting(c -> ((UsernamePassword) c).username()).containsExactly("step-user");
    }

    @Test
    void anUnknownRegistryWithoutStepCredentialsIsAnonymous() throws AbortException {
        assertThat(new RegistryLoginResolver(config, lookup).resolve("127.0.0.1:5000", " ", run)).isEmpty();
        assertThat(lookup.lookedUp).isEmpty();
    }

    @Test
    void everyUsedCredentialIsTracked() throws AbortException {
        new RegistryLoginResolver(config, lookup).resolve("https://127.0.0.1:5001/", null, run);

        assertThat(lookup.tracked).extracting(c -> ((UsernamePassword) c).username()).containsExactly("ci-user");
    }

    @Test
    void aMissingStepCredentialAbortsWithWhereToLook() {
        assertThatThrownBy(() -> new RegistryLoginResolver(config, lookup).resolve("127.0.0.1:5001", "typo", run))
                .isInstanceOf(AbortException.class).hasMessageContaining("'typo'").hasMessageContaining("in the step");
    }

    @Test
    void aMissingConfiguredCredentialPointsToTheGlobalConfiguration() {
        config.setRegistries(List.of(new RegistryEndpoint("127.0.0.1:5001", "gone")));

        assertThatThrownBy(() -> new RegistryLoginResolver(config, lookup).resolve("127.0.0.1:5001", null, run))
                .isInstanceOf(AbortException.class).hasMessageContaining("'gone'").hasMessageContaining("Manage Jenkins");
    }

    @Test
    void theLoginNeverShowsItsPasswordAndHandsTheEngineItsSecrets() {
        RegistryLogin login = new RegistryLogin("r", "u", "hunter2");

        assertThat(login.toString()).doesNotContain("hunter2").contains("u");
        assertThat(login.secrets()).contains("hunter2", "u:hunter2");
        assertThat(login.credentials().username()).isEqualTo("u");
        assertThat(ClassFilterCheck.rejectedClassesOf(login)).isEmpty();
    }

    @Test
    void credentialsTheEngineWouldRefuseAbortWithTheirId() {
        MapCredentialsLookup colon = new MapCredentialsLookup(Map.of("bad", new UsernamePassword("ci:user", "pw")));

        assertThatThrownBy(() -> new RegistryLoginResolver(config, colon).resolve("r.example.com", "bad", run))
                .isInstanceOf(AbortException.class).hasMessageContaining("'bad'").hasMessageContaining("contains ':'");
    }
}
