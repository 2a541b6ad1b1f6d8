package io.jenkins.plugins.dockerci.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.jenkins.plugins.dockerci.action.BuildSummaryAction;
import io.jenkins.plugins.dockerci.action.ImageRecord;
import io.jenkins.plugins.dockerci.config.RegistryEndpoint;
import io.jenkins.plugins.dockerci.engine.image.ImageReference;
import io.jenkins.plugins.dockerci.engine.push.PushRequest;
import io.jenkins.plugins.dockerci.params.PushSettings;
import io.jenkins.plugins.dockerci.testsupport.ClassFilterCheck;
import io.jenkins.plugins.dockerci.testsupport.UsernamePassword;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerPushStepTest {

    @TempDir
    Path dir;

    private StepFixture build;

    @BeforeEach
    void build() throws Exception {
        build = new StepFixture(dir, "owner");
        build.configuration.setRegistries(List.of(new RegistryEndpoint("registry.example.com", "global")));
    }

    private List<PushSettings> settings(DockerPushStep step) throws Exception {
        return step.settings(StepRun.of(build.context(), build.services(), build.nodes, DockerPushStep.FUNCTION));
    }

    @Test
    void everyParameterReachesTheEngineRequest() throws Exception {
        DockerPushStep step = new DockerPushStep(List.of("registry.example.com/team/app:7", "127.0.0.1:5000/team/app"));
        step.setImage("app:7");
        step.setRetries(5);

        build.credentials(Map.of("global", new UsernamePassword("u", "p")));
        List<PushSettings> settings = settings(step);

        assertThat(settings).as("one push per registry, each with its own login").hasSize(2);
        PushRequest configured = settings.get(0).toRequest();
        PushRequest anonymous = settings.get(1).toRequest();
        assertThat(configured.source()).isEqualTo("app:7");
        assertThat(configured.targets()).extracting(ImageReference::toString).containsExactly("registry.example.com/team/app:7");
        assertThat(anonymous.targets()).extracting(ImageReference::toString).containsExactly("127.0.0.1:5000/team/app:latest");
        assertThat(configured.retry().maxAttempts()).isEqualTo(5);
        assertThat(configured.credentialsFor("registry.example.com").username()).isEqualTo("u");
        assertThat(anonymous.credentialsFor("127.0.0.1:5000")).isNull();
    }

    @Test
    void theStepsRegistryCredentialsWinOverTheConfiguredOnes() throws Exception {
        DockerPushStep step = new DockerPushStep(List.of("registry.example.com/team/app:7"));
        step.setImage("app:7");
        step.setRegistry(new RegistryEndpoint("https://registry.example.com", "mine"));
        build.credentials(Map.of(
                "global", new UsernamePassword("them", "p1"),
                "mine", new UsernamePassword("me", "p2")));

        PushSettings task = settings(step).get(0);

        assertThat(task.toRequest().credentialsFor("registry.example.com").username()).isEqualTo("me");
        assertThat(build.credentials.tracked).singleElement().extracting(c -> ((UsernamePassword) c).username())
                .isEqualTo("me");
        assertThat(task.toString()).doesNotContain("p2");
        assertThat(ClassFilterCheck.rejectedClassesOf(task)).isEmpty();
    }

    @Test
    void theImageDefaultsToTheOneThisBuildBuiltLast() throws Exception {
        BuildSummaryAction.of(build.run).add(new ImageRecord("sha256:" + "1".repeat(64), List.of(), Duration.ZERO));
        BuildSummaryAction.of(build.run).add(new ImageRecord("sha256:" + "2".repeat(64), List.of("app:2"), Duration.ZERO));

        PushSettings task = settings(new DockerPushStep(List.of("127.0.0.1:5000/app:2"))).get(0);

        assertThat(task.image()).isEqualTo("sha256:" + "2".repeat(64));
    }

    @Test
    void missingTagsAndBadRetriesAreRejected() {
        DockerPushStep noTags = new DockerPushStep(List.of());
        DockerPushStep retries = new DockerPushStep(List.of("127.0.0.1:5000/app:1"));
        retries.setImage("app:1");
        retries.setRetries(0);
        DockerPushStep digest = new DockerPushStep(List.of("127.0.0.1:5000/app@sha256:" + "a".repeat(64)));
        digest.setImage("app:1");

        assertThatThrownBy(() -> settings(noTags)).isInstanceOf(AbortException.class).hasMessageContaining("'tags'");
        assertThatThrownBy(() -> settings(retries)).isInstanceOf(AbortException.class).hasMessageContaining("retries is 0");
        assertThatThrownBy(() -> settings(digest)).isInstanceOf(AbortException.class)
                .hasMessageStartingWith("dockerPush: ").hasMessageContaining("digest");
    }

    @Test
    void aNamedCredentialThatDoesNotExistFailsTheStep() {
        DockerPushStep step = new DockerPushStep(List.of("registry.example.com/app:1"));
        step.setImage("app:1");
        step.setRegistry(new RegistryEndpoint("registry.example.com", "missing"));

        assertThatThrownBy(() -> settings(step)).isInstanceOf(AbortException.class).hasMessageContaining("'missing'");
    }
}
