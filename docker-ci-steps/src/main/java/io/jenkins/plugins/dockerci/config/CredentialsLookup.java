package io.jenkins.plugins.dockerci.config;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.model.Run;

/** How credentials are found for a build; the Credentials plugin in Jenkins, a map in tests. */
public interface CredentialsLookup {

    /** The Credentials plugin: what the build may use, resolved as its user, in the domain of the target URI. */
    CredentialsLookup JENKINS = new CredentialsLookup() {
        @Override
        public <C extends IdCredentials> C find(String id, Class<C> type, Run<?, ?> run, String uri) {
            return CredentialsProvider.findCredentialById(id, type, run, URIRequirementBuilder.fromUri(uri).build());
        }

        @Override
        public void track(Run<?, ?> run, Credentials credentials) {
            CredentialsProvider.track(run, credentials);
        }
    };

    /** The credential of this type with this ID that {@code run} may use for {@code uri}, or {@code null}. */
    <C extends IdCredentials> C find(String id, Class<C> type, Run<?, ?> run, String uri);

    /** Records that {@code run} used the credential, so administrators see where it is used. */
    void track(Run<?, ?> run, Credentials credentials);
}
