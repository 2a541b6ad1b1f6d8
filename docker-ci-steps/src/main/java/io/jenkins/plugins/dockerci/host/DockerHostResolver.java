package io.jenkins.plugins.dockerci.host;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.AbortException;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.util.Secret;
import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.config.DockerCiConfiguration;
import java.util.Map;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.docker.commons.credentials.DockerServerCredentials;

/**
 * Decides, on the controller, which Docker engine work uses: the administrator's Docker host (with its TLS
 * credential), or else each node's own engine as the build's environment selects it.
 *
 * <p>A build resolves the TLS credential as the build (its job's authentication, in the job's context) and tracks
 * its use; the orphan reaper, which runs for no build, resolves it as the system in Jenkins' own context. Both see
 * the same credentials because the configuration page offers only credentials a build can use (global scope).
 */
public final class DockerHostResolver {

    private final DockerCiConfiguration configuration;

    public DockerHostResolver(DockerCiConfiguration configuration) {
        this.configuration = configuration;
    }

    /**
     * The Docker host of a build's work.
     *
     * @param buildEnvironment the build's environment (only its Docker variables are kept)
     * @throws AbortException if the configured TLS credential is missing or unusable
     */
    public DockerHostSpec resolve(Run<?, ?> run, Map<String, String> buildEnvironment) throws AbortException {
        String uri = configuration.getDockerHostUri();
        if (uri == null) {
            return DockerHostSpec.nodeDefault(buildEnvironment);
        }
        String id = configuration.getDockerHostCredentialsId();
        if (id == null) {
            return DockerHostSpec.explicit(uri, null);
        }
        DockerServerCredentials credentials = CredentialsProvider.findCredentialById(id, DockerServerCredentials.class, run,
                URIRequirementBuilder.fromUri(uri).build());
        if (credentials == null) {
            throw new AbortException(Messages.DockerHostResolver_missingCredentials(id));
        }
        CredentialsProvider.track(run, credentials);
        return DockerHostSpec.explicit(uri, material(id, uri, credentials));
    }

    /**
     * The configured Docker host as the system sees it, for work that belongs to no build (the orphan reaper), or
     * {@code null} when each node uses its own engine.
     *
     * @throws AbortException if the configured TLS credential is missing or unusable
     */
    public DockerHostSpec resolveForSystem() throws AbortException {
        String uri = configuration.getDockerHostUri();
        if (uri == null) {
            return null;
        }
        String id = configuration.getDockerHostCredentialsId();
        if (id == null) {
            return DockerHostSpec.explicit(uri, null);
        }
        DockerServerCredentials credentials = CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItemGroup(DockerServerCredentials.class, Jenkins.get(), ACL.SYSTEM2,
                        URIRequirementBuilder.fromUri(uri).build()),
                CredentialsMatchers.withId(id));
        if (credentials == null) {
            throw new AbortException(Messages.DockerHostResolver_missingCredentials(id));
        }
        return DockerHostSpec.explicit(uri, material(id, uri, credentials));
    }

    private static TlsMaterial material(String id, String uri, DockerServerCredentials credentials) throws AbortException {
        Secret key = credentials.getClientKeySecret();
        try {
            return new TlsMaterial(credentials.getServerCaCertificate(), credentials.getClientCertificate(),
                    key == null ? null : key.getPlainText());
        } catch (IllegalArgumentException e) {
            throw new AbortException(Messages.DockerHostResolver_unusableCredentials(id, uri, e.getMessage()));
        }
    }
}
