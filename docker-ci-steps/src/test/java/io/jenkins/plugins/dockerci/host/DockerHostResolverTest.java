package io.jenkins.plugins.dockerci.host;

import static io.jenkins.plugins.dockerci.host.DockerHostSpecTest.pem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.AbortException;
import hudson.util.Secret;
import io.jenkins.plugins.dockerci.config.DockerCiConfiguration;
import io.jenkins.plugins.dockerci.testsupport.TestRun;
import io.jenkins.plugins.dockerci.testsupport.MapCredentialsLookup;
import java.io.File;
import java.io.IOException;
import java.util.Map;
import org.jenkinsci.plugins.docker.commons.credentials.DockerServerCredentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerHostResolverTest {

    @TempDir
    File buildDir;

    private final DockerCiConfiguration config = new DockerCiConfiguration();
    private final TlsCredentials complete = new TlsCredentials("tls", pem("CERTIFICATE", "ca"), pem("CERTIFICATE", "c"),
            pem("PRIVATE KEY", "k"));
    private final MapCredentialsLookup lookup = new MapCredentialsLookup(Map.of("tls", complete,
            "half", new TlsCredentials("half", pem("CERTIFICATE", "ca"), null, null)));
    private TestRun run;

    @BeforeEach
    void build() throws IOException {
        run = new TestRun("app", 4, buildDir);
    }

    @Test
    void withoutAConfiguredHostEachNodeUsesItsOwnEngine() throws AbortException {
        DockerHostSpec spec = new DockerHostResolver(config, lookup).resolve(run, Map.of("DOCKER_HOST", "tcp://b:2375"));

        assertThat(spec.uri()).isNull();
        assertThat(spec.environment()).containsEntry("DOCKER_HOST", "tcp://b:2375");
        assertThat(lookup.lookedUp).isEmpty();
    }

    @Test
    void aConfiguredHostWithoutCredentialsIsUsedAsIs() throws AbortException {
        config.setDockerHostUri("tcp://docker.example.com:2375");

        DockerHostSpec spec = new DockerHostResolver(config, lookup).resolve(run, Map.of("DOCKER_HOST", "ignored"));

        assertThat(spec.uri()).isEqualTo("tcp://docker.example.com:2375");
        assertThat(spec.tls()).isNull();
    }

    @Test
    void aConfiguredTlsHostCarriesItsCertificatesAndTracksTheCredential() throws AbortException {
        config.setDockerHostUri("tcp://docker.example.com:2376");
        config.setDockerHostCredentialsId("tls");

        DockerHostSpec spec = new DockerHostResolver(config, lookup).resolve(run, Map.of());

        assertThat(spec.tls()).isEqualTo(new TlsMaterial(complete.ca, complete.cert, complete.key));
        assertThat(lookup.lookedUp).containsExactly("tls@tcp://docker.example.com:2376");
        assertThat(lookup.tracked).containsExactly(complete);
    }

    @Test
    void aMissingOrIncompleteCredentialAbortsSayingWhichAndWhy() {
        config.setDockerHostUri("tcp://docker.example.com:2376");
        config.setDockerHostCredentialsId("gone");
        assertThatThrownBy(() -> new DockerHostResolver(config, lookup).resolve(run, Map.of()))
                .isInstanceOf(AbortException.class).hasMessageContaining("'gone'").hasMessageContaining("Manage Jenkins");

        config.setDockerHostCredentialsId("half");
        assertThatThrownBy(() -> new DockerHostResolver(config, lookup).resolve(run, Map.of()))
                .isInstanceOf(AbortException.class).hasMessageContaining("'half'").hasMessageContaining("client certificate is empty");
    }

    /** A Docker Host Certificate Authentication credential, as docker-commons stores it. */
    static final class TlsCredentials extends DockerServerCredentials {
        final String ca;
        final String cert;
        final String key;

        TlsCredentials(String id, String ca, String cert, String key) {
            super(CredentialsScope.GLOBAL, id, "", key == null ? null : Secret.fromString(key), cert, ca);
            this.ca = ca;
            this.cert = cert;
            this.key = key;
        }

        @Override
        public Secret getClientKey() {
            return key == null ? null : Secret.fromString(key);
        }

        @Override
        public String getClientCertificate() {
            return cert;
        }

        @Override
        public String getServerCaCertificate() {
            return ca;
        }
    }
}
