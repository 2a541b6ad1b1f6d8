package io.jenkins.plugins.dockerci.host;

import hudson.AbortException;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.dockerci.config.CredentialsLookup;
import io.jenkins.plugins.dockerci.config.DockerCiConfiguration;
import java.util.Map;
import org.jenkinsci.plugins.docker.commons.credentials.DockerServerCredentials;

/**
 * Decides, on the controller, which Docker engine a build's work uses: the administrator's Docker host (with its TLS
 * credential resolved for the build and tracked), or else each node's own engine as the build's environment selects it.
 */
public final class DockerHostResolver {

    private final DockerCiConfiguration configuration;
    private final CredentialsLookup lookup;

    public DockerHostResolver(DockerCiConfiguration configuration, CredentialsLookup lookup) {
        this.configuration = configuration;
        this.lookup = lookup;
    }

    /**
     * @param run              the build
     * @param buildEnvironment the build's environment (only its Docker variables are kept)
     * @throws AbortException if the configured TLS credential is missing or incomplete
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
        DockerServerCredentials credentials = lookup.find(id, DockerServerCredentials.class, run, uri);
        if (credentials == null) {
            throw new AbortException("The Docker host TLS credentials '" + id + "' (Manage Jenkins > System > Docker CI Steps)"
                    + " are not available to this build: check that a Docker Host Certificate Authentication credential"
                    + " with this ID exists and that this job may use it.");
        }
        lookup.track(run, credentials);
        Secret key = credentials.getClientKeySecret();
        try {
            return DockerHostSpec.explicit(uri, new TlsMaterial(credentials.getServerCaCertificate(),
                    credentials.getClientCertificate(), key == null ? null : key.getPlainText()));
        } catch (IllegalArgumentException e) {
            throw new AbortException("The Docker host TLS credentials '" + id + "' cannot be used for " + uri + ": "
                    + e.getMessage());
        }
    }
}
