package io.jenkins.plugins.dockerci.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.EnvVars;
import hudson.FilePath;
import io.jenkins.plugins.dockerci.config.BuiltImagePolicy;
import io.jenkins.plugins.dockerci.config.DockerCiConfiguration;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceLedger;
import io.jenkins.plugins.dockerci.identity.RunIds;
import io.jenkins.plugins.dockerci.params.StepServices;
import io.jenkins.plugins.dockerci.testsupport.TestRun;
import io.jenkins.plugins.dockerci.testsupport.MapCredentialsLookup;
import io.jenkins.plugins.dockerci.testsupport.RecordingListener;
import java.io.File;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cleanup never fails a build: whatever goes wrong is a warning that names the way out. */
class DockerCleanupPublisherTest {

    @TempDir
    File buildDir;
    @TempDir
    File workspace;

    private final RecordingListener console = new RecordingListener();
    private final DockerCiConfiguration configuration = new DockerCiConfiguration();

    @Test
    void aBuildThatNeverUsedDockerHasNothingToCleanUp() throws IOException {
        new DockerCleanupPublisher().perform(new TestRun("app", 1, buildDir), new FilePath(workspace), new EnvVars(), console,
                services(() -> "owner-1"));

        assertThat(console.text()).isEmpty();
    }

    @Test
    void anUnreachableEngineIsAWarningNotAFailure() throws IOException {
        TestRun run = new TestRun("app", 2, buildDir);
        RunLedgers ledgers = new RunLedgers();
        ResourceLedger ledger = ledgers.open(run, new RunContext("owner-1", RunIds.of(run)));
        ledger.creating(ResourceKind.CONTAINER, "dci-test");
        ledger.created(ResourceKind.CONTAINER, "dci-test", "0123456789ab");
        configuration.setDockerHostUri("tcp://127.0.0.1:9");

        new DockerCleanupPublisher().perform(run, new FilePath(workspace), new EnvVars(), console,
                new StepServices(configuration, new MapCredentialsLookup(Map.of()), () -> "owner-1", ledgers));

        assertThat(console.text()).contains("[docker-ci] WARNING: Cleanup: ").contains("container 0123456789ab").contains("orphan reaper")
                .contains("5 failed");
        assertThat(run.getResult()).as("the result is the build's, not cleanup's").isNull();
        assertThat(CleanupMarker.isCleaned(run)).as("the safety net has nothing left to do").isTrue();
    }

    @Test
    void aMissingOwnerIdIsAWarningNotAFailure() throws IOException {
        TestRun run = new TestRun("app", 3, buildDir);
        RunLedgers ledgers = new RunLedgers();
        ledgers.open(run, new RunContext("owner-1", RunIds.of(run)));

        new DockerCleanupPublisher().perform(run, new FilePath(workspace), new EnvVars(), console,
                new StepServices(configuration, new MapCredentialsLookup(Map.of()), () -> {
                    throw new IOException("JENKINS_HOME is read-only");
                }, ledgers));

        assertThat(console.text()).contains("[docker-ci] WARNING: cleanup could not run: JENKINS_HOME is read-only");
    }

    @Test
    void thePolicyIsOneOfThreeNamesOrBlankForTheGlobalSetting() {
        DockerCleanupPublisher publisher = new DockerCleanupPublisher();
        publisher.setBuiltImagePolicy("keep_pushed");
        assertThat(publisher.getBuiltImagePolicy()).isEqualTo(BuiltImagePolicy.KEEP_PUSHED.name());
        publisher.setBuiltImagePolicy(" ");
        assertThat(publisher.getBuiltImagePolicy()).isNull();
        assertThatThrownBy(() -> publisher.setBuiltImagePolicy("DELETE"))
                .hasMessageContaining("'DELETE' is not one of [REMOVE, KEEP_PUSHED, KEEP]");
    }

    @Test
    void itRunsWhateverTheBuildResult() {
        assertThat(new DockerCleanupPublisher().getRequiredMonitorService()).isEqualTo(hudson.tasks.BuildStepMonitor.NONE);
    }

    private StepServices services(StepServices.OwnerId owner) {
        return new StepServices(configuration, new MapCredentialsLookup(Map.of()), owner, new RunLedgers());
    }
}
