package io.jenkins.plugins.dockerci.pipeline;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.dockerci.action.BuildSummaryAction;
import io.jenkins.plugins.dockerci.cleanup.RunLedgers;
import io.jenkins.plugins.dockerci.config.DockerCiConfiguration;
import io.jenkins.plugins.dockerci.identity.RunIds;
import io.jenkins.plugins.dockerci.params.StepServices;
import io.jenkins.plugins.dockerci.testsupport.MapCredentialsLookup;
import io.jenkins.plugins.dockerci.testsupport.RecordingListener;
import io.jenkins.plugins.dockerci.testsupport.TestRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One build on one node, for driving step executions directly: workspace, console, build, environment, and the
 * controller side (configuration, credentials from a map, this test's owner id, the build's ledger).
 */
final class StepFixture {

    final Path workspace;
    final TestRun run;
    final RecordingListener listener = new RecordingListener();
    final EnvVars env = new EnvVars();
    final DockerCiConfiguration configuration = new DockerCiConfiguration();
    final RunLedgers ledgers = new RunLedgers();
    final DockerNodes nodes = new DockerNodes();
    final String ownerId;
    MapCredentialsLookup credentials = new MapCredentialsLookup(Map.of());

    StepFixture(Path dir, String ownerId) throws IOException {
        this.workspace = Files.createDirectories(dir.resolve("workspace"));
        this.run = new TestRun("folder/app", 7, Files.createDirectories(dir.resolve("build")).toFile());
        this.ownerId = ownerId;
    }

    /** The credentials the build may use, by ID. */
    StepFixture credentials(Map<String, ? extends IdCredentials> byId) {
        credentials = new MapCredentialsLookup(byId);
        return this;
    }

    StepServices services() {
        return new StepServices(configuration, credentials, () -> ownerId, ledgers);
    }

    /** The build's run id: the run label of everything its steps create. */
    String runId() {
        return RunIds.of(run);
    }

    /** A fresh context for one step of this build. */
    FakeStepContext context() {
        return new FakeStepContext()
                .with(Run.class, run)
                .with(TaskListener.class, listener)
                .with(FilePath.class, new FilePath(workspace.toFile()))
                .with(EnvVars.class, env);
    }

    BuildSummaryAction summary() {
        return run.getAction(BuildSummaryAction.class);
    }
}
