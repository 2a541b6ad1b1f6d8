package io.jenkins.plugins.dockerci.config;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.dockerci.Messages;
import java.util.Objects;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A private registry and the username/password credential to log in with: the shape of docker-commons'
 * {@code DockerRegistryEndpoint} ({@code url} + {@code credentialsId}), so users of other Docker plugins feel at home.
 * The URL is checked by the form and when it is used, never while binding (a form with a mistyped URL shows a field
 * message, not an error page).
 */
public final class RegistryEndpoint extends AbstractDescribableImpl<RegistryEndpoint> {

    private final String url;
    private final String credentialsId;

    /**
     * @param url           the registry, e.g. {@code https://registry.example.com} or {@code registry.example.com:5000}
     * @param credentialsId the ID of a username/password credential; blank for anonymous access
     */
    @DataBoundConstructor
    public RegistryEndpoint(String url, String credentialsId) {
        this.url = url == null ? "" : url.trim();
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
        return RegistryUrls.problem(url).isEmpty() && RegistryUrls.key(url).equals(RegistryUrls.key(otherUrl));
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

    /** Form support for a registry entry, in the global configuration and in step configurations. */
    @Extension
    public static final class DescriptorImpl extends Descriptor<RegistryEndpoint> {

        @Override
        public String getDisplayName() {
            return Messages.RegistryEndpoint_displayName();
        }

        @POST
        public FormValidation doCheckUrl(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> ConfigValidation.registryUrl(value));
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String url,
                                                     @QueryParameter String credentialsId) {
            return FormPermissions.credentials(item, StandardUsernamePasswordCredentials.class, RegistryUrls.asUri(url),
                    credentialsId);
        }
    }
}
