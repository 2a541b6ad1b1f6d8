package io.jenkins.plugins.dockerci.freestyle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import io.jenkins.plugins.dockerci.cleanup.RunLedgers;
import io.jenkins.plugins.dockerci.config.DockerCiConfiguration;
import io.jenkins.plugins.dockerci.config.RegistryEndpoint;
import io.jenkins.plugins.dockerci.engine.build.BuildRequest;
import io.jenkins.plugins.dockerci.params.BuildSettings;
import io.jenkins.plugins.dockerci.params.ServiceParameters;
import io.jenkins.plugins.dockerci.params.StepServices;
import io.jenkins.plugins.dockerci.params.TestSettings;
import io.jenkins.plugins.dockerci.testsupport.TestRun;
import io.jenkins.plugins.dockerci.testsupport.MapCredentialsLookup;
import io.jenkins.plugins.dockerci.testsupport.RecordingListener;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The freestyle steps turn their form values into settings with the build's variables; bad values stop the build early. */
class FreestyleStepsTest {

    @TempDir
    File buildDir;
    @TempDir
    File workspace;

    private final EnvVars env = new EnvVars(Map.of("BUILD_NUMBER", "12", "GIT_COMMIT", "abc", "GIT_URL", "https://git/app.git"));

    @Test
    void theBuildFormExpandsVariablesAndParsesItsLines() {
        DockerBuildStep step = new DockerBuildStep();
        step.setContext("app");
        step.setTags("team/app:${BUILD_NUMBER}\nteam/app:latest");
        step.setBuildArgs("VERSION=${BUILD_NUMBER}\nEMPTY=");
        step.setLabels("com.example.team=ci");
        step.setCacheFrom("team/app:cache");
        step.setTimeout("10m");

        BuildSettings settings = step.settings(env);
        BuildRequest request = settings.toRequest(Path.of("/ws"), null);

        assertThat(request.contextDir()).isEqualTo(Path.of("/ws/app"));
        assertThat(request.tags()).containsExactly("team/app:12", "team/app:latest");
        assertThat(request.buildArgs()).containsEntry("VERSION", "12").containsEntry("EMPTY", "");
        assertThat(request.imageLabels()).containsEntry("com.example.team", "ci")
                .containsEntry(BuildRequest.OCI_REVISION, "abc").containsEntry(BuildRequest.OCI_SOURCE, "https://git/app.git");
        assertThat(request.cacheFrom()).containsExactly("team/app:cache");
        assertThat(request.timeout()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void theTestFormDefaultsToTheBuiltImageAndParsesServices() {
        DockerTestStep step = new DockerTestStep();
        step.setCommand("make test");
        step.setServices(List.of(new ServiceParameters("postgres:15", "db")));
        step.setTimeout("5m");

        TestSettings settings = step.settings(env, "sha256:built");

        assertThat(settings.image()).isEqualTo("sha256:built");
        assertThat(settings.command().parts()).containsExactly("make test");
        assertThat(settings.services()).extracting(s -> s.alias()).containsExactly("db");
        assertThat(settings.timeoutMillis()).isEqualTo(Duration.ofMinutes(5).toMillis());
    }

    @Test
    void aBadFormValueStopsTheBuildWithItsMessageBeforeDockerIsAsked() throws Exception {
        DockerBuildStep step = new DockerBuildStep();
        step.setBuildArgs("not an assignment");
        RecordingListener console = new RecordingListener();

        assertThatThrownBy(() -> step.perform(new TestRun("app", 1, buildDir), new FilePath(workspace), env, console,
                services()))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("dockerBuild.buildArgs, line 1");
    }

    @Test
    void pushingWithoutABuiltImageSaysWhatToDo() {
        DockerPushStep step = new DockerPushStep("r.example.com/app:${BUILD_NUMBER}");

        assertThatThrownBy(() -> step.perform(new TestRun("app", 1, buildDir), new FilePath(workspace), env,
                new RecordingListener(), services()))
                .isInstanceOf(AbortException.class).hasMessageContaining("dockerPush.image").hasMessageContaining("dockerBuild");
    }

    @Test
    void pushCredentialsThatDoNotExistStopTheBuild() {
        DockerPushStep step = new DockerPushStep("r.example.com/app:1");
        step.setImage("app:1");
        step.setRegistry(new RegistryEndpoint("r.example.com", "missing"));

        assertThatThrownBy(() -> step.perform(new TestRun("app", 1, buildDir), new FilePath(workspace), env,
                new RecordingListener(), services()))
                .isInstanceOf(AbortException.class).hasMessageContaining("'missing'");
    }

    @Test
    void retriesAreCheckedWhenBound() {
        assertThatThrownBy(() -> new DockerPushStep("app:1").setRetries(0)).hasMessageContaining("dockerPush.retries");
    }

    private StepServices services() {
        return new StepServices(new DockerCiConfiguration(), new MapCredentialsLookup(Map.of()), () -> "owner-1", new RunLedgers());
    }
}
