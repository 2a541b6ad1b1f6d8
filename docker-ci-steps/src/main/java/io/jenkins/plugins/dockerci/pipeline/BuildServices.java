package io.jenkins.plugins.dockerci.pipeline;

import hudson.model.Run;
import io.jenkins.plugins.dockerci.config.CredentialsLookup;
import io.jenkins.plugins.dockerci.config.DockerCiConfiguration;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import io.jenkins.plugins.dockerci.identity.JenkinsIdentity;
import java.io.IOException;

/** What the Pipeline steps need from Jenkins on the controller: {@link #JENKINS} in Jenkins, doubles in tests. */
interface BuildServices {

    /** This Jenkins: its owner id, its global configuration, the Credentials plugin, the ledger in the build directory. */
    BuildServices JENKINS = new BuildServices() {
        @Override
        public RunContext runContext(Run<?, ?> run) throws IOException {
            return JenkinsIdentity.runContext(run);
        }

        @Override
        public DockerCiConfiguration configuration() {
            return DockerCiConfiguration.get();
        }

        @Override
        public CredentialsLookup credentials() {
            return CredentialsLookup.JENKINS;
        }
    };

    /** Who the build is, as the labels of what it creates say. */
    RunContext runContext(Run<?, ?> run) throws IOException;

    DockerCiConfiguration configuration();

    CredentialsLookup credentials();

    /** The build's ledger, in its build directory: every resource is recorded there before it is created. */
    default ResourceTracker ledger(Run<?, ?> run, RunContext runContext) {
        return ResourceTracker.NONE;
    }
}
