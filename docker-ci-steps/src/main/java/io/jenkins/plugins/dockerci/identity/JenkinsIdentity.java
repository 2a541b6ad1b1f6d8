package io.jenkins.plugins.dockerci.identity;

import hudson.model.Run;
import io.jenkins.plugins.dockerci.engine.RunContext;
import java.io.IOException;
import java.nio.file.Path;
import jenkins.model.Jenkins;

/** Where this Jenkins instance keeps the identities and files the plugin needs. */
public final class JenkinsIdentity {

    /** The file in {@code JENKINS_HOME} that holds the owner id. */
    public static final String OWNER_ID_FILE = "io.jenkins.plugins.dockerci.owner-id";

    /** The file in a build's directory that lists what the build created (its ledger). */
    public static final String LEDGER_FILE = "docker-ci-ledger.jsonl";

    private JenkinsIdentity() {
    }

    /** The owner id of this Jenkins instance (created on first use). */
    public static String ownerId() throws IOException {
        return new OwnerIdStore(Jenkins.get().getRootDir().toPath().resolve(OWNER_ID_FILE)).ownerId();
    }

    /** Who runs this build, as the engine labels what the build creates: this instance's owner id and the build's run id. */
    public static RunContext runContext(Run<?, ?> run) throws IOException {
        return new RunContext(ownerId(), RunIds.of(run));
    }

    /** The ledger of this build, in its build directory on the controller. */
    public static Path ledgerFile(Run<?, ?> run) {
        return run.getRootDir().toPath().resolve(LEDGER_FILE);
    }
}
