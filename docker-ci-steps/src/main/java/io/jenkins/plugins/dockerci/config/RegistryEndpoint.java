package io.jenkins.plugins.dockerci.config;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.Objects;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A private registry and the username/password credential to log in with: the shape of docker-commons'
 * {@code DockerRegistryEndpoint} ({@code url} + {@code credentialsId}), so users of other Docker plugins feel at home.
 */
public final class RegistryEndpoint implements Describable<RegistryEndpoint> {

    private final String url;
    private final String credentialsId;

    /**
     * @param url           the registry, e.g. {@code https://registry.example.com} or {@code registry.example.com:5000}
     * @param credentialsId the ID of a username/password credential; blank for anonymous access
     */
    @DataBoundConstructor
    public RegistryEndpoint(String url, String credentialsId) {
        ConfigValidation.registryUrl(url).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        this.url = url.trim();
        this.credentialsId = credentialsId == null || credentialsId.isBlank() ? null : credentialsId.trim();
    }

    public String getUrl() {
        return url;
    }

    /** The credential ID, or {@code null} for anonymous access. */
    public String getCredentialsId() {
        return credentialsId;
    }

    /** Does this entry describe the registry at {@code otherUrl} (same host and port, whatever the spelling)? */
    public boolean matches(String otherUrl) {
        return RegistryUrls.key(url).equals(RegistryUrls.key(otherUrl));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegistryEndpoint other && url.equals(other.url) && Objects.equals(credentialsId, other.credentialsId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, credentialsId);
    }

    @Override
    public String toString() {
        return "RegistryEndpoint[" + url + ", credentialsId=" + credentialsId + "]";
    }

    /** Form support for a registry entry, in the global configuration and in job configurations. */
    @Extension
    public static final class DescriptorImpl extends Descriptor<RegistryEndpoint> {

        @Override
        public String getDisplayName() {
            return "Docker registry";
        }

        @POST
        public FormValidation doCheckUrl(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormPermissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            return ConfigValidation.registryUrl(value).map(FormValidation::error).orElseGet(FormValidation::ok);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String url,
                                                     @QueryParameter String credentialsId) {
            StandardListBoxModel result = new StandardListBoxModel();
            if (!FormPermissions.canListCredentials(item)) {
                return result.includeCurrentValue(credentialsId);
            }
            return result.includeEmptyValue()
                    .includeMatchingAs(ACL.SYSTEM2, item, StandardUsernamePasswordCredentials.class,
                            URIRequirementBuilder.fromUri(RegistryUrls.asUri(url)).build(), CredentialsMatchers.always())
                    .includeCurrentValue(credentialsId);
        }
    }
}
