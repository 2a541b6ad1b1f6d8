package io.jenkins.plugins.dockerci.config;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import java.util.Optional;

/**
 * Finds the login for a registry a build talks to: the step's own credentials ID wins; without one, the registry
 * entry the administrator configured for that URL is used; without either, access is anonymous.
 */
public final class RegistryLoginResolver {

    private final DockerCiConfiguration configuration;
    private final CredentialsLookup lookup;

    public RegistryLoginResolver(DockerCiConfiguration configuration, CredentialsLookup lookup) {
        this.configuration = configuration;
        this.lookup = lookup;
    }

    /**
     * The login for {@code registryUrl} in {@code run}, or empty for anonymous access.
     *
     * @param stepCredentialsId the credentials ID given in the step, or {@code null}/blank
     * @throws AbortException if a credentials ID is named but the build cannot use such a credential
     */
    public Optional<RegistryLogin> resolve(String registryUrl, String stepCredentialsId, Run<?, ?> run) throws AbortException {
        boolean fromStep = stepCredentialsId != null && !stepCredentialsId.isBlank();
        String id = fromStep ? stepCredentialsId.trim()
                : configuration.registryFor(registryUrl).map(RegistryEndpoint::getCredentialsId).orElse(null);
        if (id == null) {
            return Optional.empty();
        }
        StandardUsernamePasswordCredentials credentials = lookup.find(id, StandardUsernamePasswordCredentials.class, run,
                RegistryUrls.asUri(registryUrl));
        if (credentials == null) {
            throw new AbortException("No username/password credentials with ID '" + id + "' are available to this build for "
                    + "registry " + registryUrl + (fromStep
                    ? ": check the credentials ID in the step and that the credential is visible to this job."
                    : " (configured under Manage Jenkins > System > Docker CI Steps > Registries): check that entry's "
                    + "credential, or give the step its own credentialsId."));
        }
        lookup.track(run, credentials);
        try {
            return Optional.of(new RegistryLogin(registryUrl, credentials.getUsername(), credentials.getPassword().getPlainText()));
        } catch (InvalidRequestException e) {
            throw new AbortException("The credentials with ID '" + id + "' cannot log in to registry " + registryUrl + ": "
                    + e.getMessage());
        }
    }
}
