package io.jenkins.plugins.dockerci.config;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.params.BuildSecretValue;
import io.jenkins.plugins.dockerci.steps.BuildSecretParameters;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Turns a build's {@code secrets} (an id and a credentials ID each) into their values: a secret text credential gives
 * its text, a secret file its content, a username with password its password. Credentials are resolved as the build
 * (its job's authentication, in the job's context) and their use is tracked, as for registry logins.
 */
public final class BuildSecretResolver {

    private BuildSecretResolver() {
    }

    /**
     * The values of {@code secrets} for {@code run}.
     *
     * @throws AbortException naming the secret and its credentials ID when the build cannot use that credential
     */
    public static List<BuildSecretValue> resolve(Run<?, ?> run, List<BuildSecretParameters> secrets)
            throws IOException, InterruptedException {
        List<BuildSecretValue> values = new ArrayList<>(secrets.size());
        for (BuildSecretParameters secret : secrets) {
            values.add(resolve(run, secret));
        }
        return values;
    }

    private static BuildSecretValue resolve(Run<?, ?> run, BuildSecretParameters secret) throws IOException, InterruptedException {
        var problem = secret.problem();
        if (problem.isPresent()) {
            throw new AbortException(Messages.BuildSecretResolver_invalid(secret.getId() == null ? "" : secret.getId(), problem.get()));
        }
        String credentialsId = secret.getCredentialsId();
        StandardCredentials credentials = CredentialsProvider.findCredentialById(credentialsId, StandardCredentials.class, run);
        if (credentials == null) {
            throw new AbortException(Messages.BuildSecretResolver_missing(secret.getId(), credentialsId));
        }
        byte[] value;
        if (credentials instanceof StringCredentials text) {
            value = text.getSecret().getPlainText().getBytes(StandardCharsets.UTF_8);
        } else if (credentials instanceof FileCredentials file) {
            try (InputStream content = file.getContent()) {
                value = content.readAllBytes();
            }
        } else if (credentials instanceof StandardUsernamePasswordCredentials login) {
            value = login.getPassword().getPlainText().getBytes(StandardCharsets.UTF_8);
        } else {
            throw new AbortException(Messages.BuildSecretResolver_unsupported(secret.getId(), credentialsId,
                    credentials.getDescriptor().getDisplayName()));
        }
        CredentialsProvider.track(run, credentials);
        return new BuildSecretValue(secret.getId(), Messages.BuildSecretResolver_origin(credentialsId), value);
    }
}
