package io.jenkins.plugins.dockerci.params;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.dockerci.agent.AgentRunner;
import io.jenkins.plugins.dockerci.agent.AgentTask;
import io.jenkins.plugins.dockerci.cleanup.RunLedgers;
import io.jenkins.plugins.dockerci.config.BuiltImagePolicy;
import io.jenkins.plugins.dockerci.config.CredentialsLookup;
import io.jenkins.plugins.dockerci.config.DockerCiConfiguration;
import io.jenkins.plugins.dockerci.config.RegistryLogin;
import io.jenkins.plugins.dockerci.config.RegistryLoginResolver;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceLedger;
import io.jenkins.plugins.dockerci.host.DockerHostResolver;
import io.jenkins.plugins.dockerci.host.DockerHostSpec;
import io.jenkins.plugins.dockerci.identity.JenkinsIdentity;
import io.jenkins.plugins.dockerci.identity.RunIds;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a step resolves on the controller before its work goes to the node: the Docker host, the build's identity,
 * its ledger, registry logins and the global settings. Used by the freestyle and the Pipeline steps alike.
 */
public final class StepServices {

    /** Where the owner id of this Jenkins comes from. */
    @FunctionalInterface
    public interface OwnerId {
        String get() throws IOException;
    }

    private final DockerCiConfiguration configuration;
    private final CredentialsLookup credentials;
    private final OwnerId ownerId;
    private final RunLedgers ledgers;

    public StepServices(DockerCiConfiguration configuration, CredentialsLookup credentials, OwnerId ownerId, RunLedgers ledgers) {
        this.configuration = configuration;
        this.credentials = credentials;
        this.ownerId = ownerId;
        this.ledgers = ledgers;
    }

    /** The services of the running Jenkins. */
    public static StepServices jenkins() {
        return new StepServices(DockerCiConfiguration.get(), CredentialsLookup.JENKINS, JenkinsIdentity::ownerId, RunLedgers.get());
    }

    /** The global configuration. */
    public DockerCiConfiguration configuration() {
        return configuration;
    }

    /** The ledgers of running builds. */
    public RunLedgers ledgers() {
        return ledgers;
    }

    /**
     * The engine and identity of {@code run}'s Docker work.
     *
     * @param environment the build's environment (its Docker variables choose the node's engine)
     */
    public EngineTarget target(Run<?, ?> run, Map<String, String> environment) throws IOException {
        DockerHostSpec host = new DockerHostResolver(configuration, credentials).resolve(run, environment);
        return new EngineTarget(host, ownerId.get(), RunIds.of(run));
    }

    /** The login for a registry, from the step's credentials ID or the global registry list; empty for anonymous. */
    public Optional<RegistryLogin> registryLogin(String registryUrl, String credentialsId, Run<?, ?> run) throws AbortException {
        if (registryUrl == null || registryUrl.isBlank()) {
            if (credentialsId != null && !credentialsId.isBlank()) {
                throw new AbortException("dockerPush: credentials '" + credentialsId + "' are given without a registry URL;"
                        + " set the registry URL they belong to, e.g. registry.example.com");
            }
            return Optional.empty();
        }
        return new RegistryLoginResolver(configuration, credentials).resolve(registryUrl.trim(), credentialsId, run);
    }

    /** The build's ledger (created on first use). */
    public ResourceLedger ledger(Run<?, ?> run, EngineTarget target) {
        return ledgers.open(run, target.run());
    }

    /** The policy for built images: the step's choice, else the global one. */
    public BuiltImagePolicy builtImagePolicy(BuiltImagePolicy stepChoice) {
        return stepChoice != null ? stepChoice : configuration.getBuiltImagePolicy();
    }

    /**
     * Runs {@code task} on the node holding {@code workspace}, recording into the build's ledger and masking
     * {@code secrets} (and the Docker host's TLS key) in the console.
     */
    public <R extends Serializable> R inWorkspace(Run<?, ?> run, FilePath workspace, TaskListener listener, EngineTarget target,
                                                  Collection<String> secrets, AgentTask<R> task)
            throws IOException, InterruptedException {
        List<String> masked = new ArrayList<>(secrets);
        masked.addAll(target.host().secrets());
        return new AgentRunner(listener, masked, ledger(run, target)).inWorkspace(workspace, task);
    }
}
