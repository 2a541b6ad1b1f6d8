package io.jenkins.plugins.dockerci.testsupport;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.util.Secret;
import io.jenkins.plugins.dockerci.engine.testsupport.TestEnvironment;
import java.io.IOException;
import org.jenkinsci.plugins.docker.commons.credentials.DockerServerCredentials;

/** The test engine's TLS endpoint ({@code scripts/docker-env} serves it on 127.0.0.1:2376), as Jenkins admins set it up. */
public final class TlsHost {

    private static final TestEnvironment ENV = TestEnvironment.current();

    private TlsHost() {
    }

    /** {@code tcp://127.0.0.1:2376}. */
    public static String uri() {
        return ENV.tlsDockerHost();
    }

    /** The directory with {@code ca.pem}, {@code cert.pem} and {@code key.pem}, as {@code DOCKER_CERT_PATH} takes it. */
    public static String certPath() {
        return ENV.tlsCertPath().toString();
    }

    /** Stores a global Docker Host Certificate Authentication credential with this id, from the endpoint's PEM files. */
    public static void addCredentials(String id) throws IOException {
        SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
        store.getCredentials().add(new DockerServerCredentials(CredentialsScope.GLOBAL, id, "test TLS endpoint",
                Secret.fromString(ENV.tlsClientKeyPem()), ENV.tlsClientCertificatePem(), ENV.tlsCaCertificatePem()));
        store.save();
    }
}
