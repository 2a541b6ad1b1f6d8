package io.jenkins.plugins.dockerci.config;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finds the login for a registry a build talks to: the step's own credentials ID wins; without one, the registry
 * entry the administrator configured for that registry is used; without either, access is anonymous. Credentials are
 * resolved as the build (its job's authentication, in the job's context) and their use is tracked.
 */
public final class RegistryLoginResolver {

    private final DockerCiConfiguration configuration;

    public RegistryLoginResolver(DockerCiConfiguration configuration) {
        this.configuration = configuration;
    }

    /**
     * Every login a step of {@code run} may use, by registry: the step's own registry first, then each registry of the
     * administrator's list. A global entry whose credential this build cannot use is a warning (that registry is then
     * used anonymously), so one broken entry does not fail builds that never use its registry.
     *
     * @param stepRegistry the step's {@code registry}, its URL expanded, or {@code null}
     * @throws AbortException when the step's own credentials are unusable
     */
    public List<RegistryLogin> forRun(Run<?, ?> run, RegistryEndpoint stepRegistry, Consumer<String> warnings)
            throws AbortException {
        List<RegistryLogin> logins = new ArrayList<>();
        if (stepRegistry != null && stepRegistry.getCredentialsId() != null) {
            resolve(stepRegistry.getUrl(), stepRegistry.getCredentialsId(), run).ifPresent(logins::add);
        }
        for (RegistryEndpoint entry : configuration.getRegistries()) {
            try {
                resolve(entry.getUrl(), null, run).ifPresent(logins::add);
            } catch (AbortException e) {
                warnings.accept(e.getMessage());
            }
        }
        return logins;
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
        StandardUsernamePasswordCredentials credentials = CredentialsProvider.findCredentialById(id,
                StandardUsernamePasswordCredentials.class, run, URIRequirementBuilder.fromUri(RegistryUrls.asUri(registryUrl)).build());
        if (credentials == null) {
            throw new AbortException(fromStep ? Messages.RegistryLoginResolver_missingStepCredentials(id, registryUrl)
                    : Messages.RegistryLoginResolver_missingGlobalCredentials(id, registryUrl));
        }
        CredentialsProvider.track(run, credentials);
        String origin = fromStep ? Messages.RegistryLoginResolver_originStep(id) : Messages.RegistryLoginResolver_originGlobal(id);
        try {
            return Optional.of(new RegistryLogin(registryUrl, credentials.getUsername(), credentials.getPassword().getPlainText(),
                    origin));
        } catch (InvalidRequestException e) {
            throw new AbortException(Messages.RegistryLoginResolver_unusable(id, registryUrl, e.getMessage()));
        }
    }
}
