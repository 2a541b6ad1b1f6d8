package io.jenkins.plugins.dockerci.steps;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.config.FormPermissions;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.buildkit.BuildSecrets;
import java.util.Optional;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One build secret of {@code dockerBuild}: the id a Dockerfile mounts with {@code RUN --mount=type=secret,id=…} and
 * the Jenkins credential that holds its value ({@code [id: 'npm_token', credentialsId: 'npm-token']} in a
 * Jenkinsfile, a repeatable block in forms). Checked when the build runs, so a form always saves.
 */
public final class BuildSecretParameters extends AbstractDescribableImpl<BuildSecretParameters> {

    private final String id;
    private final String credentialsId;

    /**
     * @param id            the secret's id in the Dockerfile
     * @param credentialsId a secret text, secret file or username with password credential
     */
    @DataBoundConstructor
    public BuildSecretParameters(String id, String credentialsId) {
        this.id = Texts.blankToNull(id);
        this.credentialsId = Texts.blankToNull(credentialsId);
    }

    public String getId() {
        return id;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @Override
    public String toString() {
        return "BuildSecretParameters[" + id + ", credentialsId=" + credentialsId + "]";
    }

    /** What is missing or wrong in this secret, for the build's error; empty when it can be resolved. */
    public Optional<String> problem() {
        return idProblem(id).or(() -> credentialsId == null
                ? Optional.of(Messages.BuildSecretParameters_credentialsMissing()) : Optional.empty());
    }

    /** The problem with the id, or empty when BuildKit accepts it. */
    static Optional<String> idProblem(String id) {
        if (id == null || id.isBlank()) {
            return Optional.of(Messages.BuildSecretParameters_idMissing());
        }
        try {
            BuildSecrets.builder().value(id.strip(), "", "check");
            return Optional.empty();
        } catch (InvalidRequestException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Form support: the id check and the credentials a build of the job can use as a secret's value. */
    @Extension
    public static final class DescriptorImpl extends Descriptor<BuildSecretParameters> {

        @Override
        public String getDisplayName() {
            return Messages.BuildSecretParameters_displayName();
        }

        @POST
        public FormValidation doCheckId(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> idProblem(value));
        }

        @POST
        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> value == null || value.isBlank()
                    ? Optional.of(Messages.BuildSecretParameters_credentialsMissing()) : Optional.empty());
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return FormPermissions.credentials(item, CredentialsMatchers.anyOf(
                    CredentialsMatchers.instanceOf(StringCredentials.class),
                    CredentialsMatchers.instanceOf(FileCredentials.class),
                    CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class)), credentialsId);
        }
    }
}
