package io.jenkins.plugins.dockerci.pipeline;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.model.Run;
import io.jenkins.plugins.dockerci.config.CredentialsLookup;
import io.jenkins.plugins.dockerci.config.DockerCiConfiguration;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import io.jenkins.plugins.dockerci.testsupport.MapCredentialsLookup;
import java.util.Map;

/** The controller side of a test build: a given run identity, a fresh global configuration, credentials from a map. */
final class FakeServices implements BuildServices {

    final RunContext runContext;
    final DockerCiConfiguration configuration = new DockerCiConfiguration();
    final MapCredentialsLookup credentials;

    FakeServices(RunContext runContext, Map<String, ? extends IdCredentials> credentials) {
        this.runContext = runContext;
        this.credentials = new MapCredentialsLookup(credentials);
    }

    FakeServices(RunContext runContext) {
        this(runContext, Map.of());
    }

    @Override
    public RunContext runContext(Run<?, ?> run) {
        return runContext;
    }

    @Override
    public DockerCiConfiguration configuration() {
        return configuration;
    }

    @Override
    public CredentialsLookup credentials() {
        return credentials;
    }

    @Override
    public ResourceTracker ledger(Run<?, ?> run, RunContext context) {
        return ResourceTracker.NONE;
    }
}
