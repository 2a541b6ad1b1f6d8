/*
 * Compile-only stub of jenkinsci/docker-commons-plugin src/main/java/org/jenkinsci/plugins/docker/commons/credentials/DockerServerCredentials.java at tag 477.v289085a_b_6896.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package org.jenkinsci.plugins.docker.commons.credentials;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import hudson.util.Secret;
import org.kohsuke.stapler.DataBoundConstructor;

public class DockerServerCredentials extends BaseStandardCredentials {

    @DataBoundConstructor
    public DockerServerCredentials(CredentialsScope scope, String id, String description, Secret clientKey,
            String clientCertificate, String serverCaCertificate) {
        super(scope, id, description);
    }

    public Secret getClientKey() {
        throw new UnsupportedOperationException("Jenkins API stub");
    }

    public String getClientCertificate() {
        throw new UnsupportedOperationException("Jenkins API stub");
    }

    public String getServerCaCertificate() {
        throw new UnsupportedOperationException("Jenkins API stub");
    }
}
