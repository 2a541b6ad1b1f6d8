package io.jenkins.plugins.dockerci.config;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.model.Run;

/** How registry credentials are found for a build; the Credentials plugin in Jenkins, a map in tests. */
public interface CredentialsLookup {

    /** The Credentials plugin: what the build may use, resolved as its user, in the registry's domain. */
    CredentialsLookup JENKINS = new CredentialsLookup() {
        @Override
        public StandardUsernamePasswordCredentials find(String id, Run<?, ?> run, String registryUrl) {
            return CredentialsProvider.findCredentialById(id, StandardUsernamePasswordCredentials.class, run,
                    URIRequirementBuilder.fromUri(RegistryUrls.asUri(registryUrl)).build());
        }

        @Override
        public void track(Run<?, ?> run, StandardUsernamePasswordCredentials credentials) {
            CredentialsProvider.track(run, credentials);
        }
    };

    /** The credential with this ID that {@code run} may use for {@code registryUrl}, or {@code null}. */
    StandardUsernamePasswordCredentials find(String id, Run<?, ?> run, String registryUrl);

    /** Records that {@code run} used the credential, so administrators see where it is used. */
    void track(Run<?, ?> run, StandardUsernamePasswordCredentials credentials);
}
