package io.jenkins.plugins.dockerci.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import hudson.AbortException;
import io.jenkins.plugins.dockerci.config.RegistryEndpoint;
import io.jenkins.plugins.dockerci.engine.ManagedLabels;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import io.jenkins.plugins.dockerci.engine.testsupport.TestEnvironment;
import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import io.jenkins.plugins.dockerci.testsupport.UsernamePassword;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** dockerBuild and dockerPush driven as Pipeline drives them, against the real engine and registries. */
class DockerBuildAndPushStepIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    @TempDir
    Path dir;

    private StepFixture build;
    private final List<String> imagesToRemove = new ArrayList<>();

    @BeforeEach
    void workspaceWithADockerfile() throws Exception {
        build = new StepFixture(dir, DOCKER.ownerId());
        Files.writeString(build.workspace.resolve("Dockerfile"),
                "FROM " + TestImages.BUSYBOX + "\nARG GREETING\nRUN echo \"$GREETING\" > /greeting\nCMD [\"cat\", \"/greeting\"]\n");
    }

    @AfterEach
    void removeImages() {
        for (String image : imagesToRemove) {
            try {
                DOCKER.client().removeImageCmd(image).withForce(true).exec();
            } catch (NotFoundException removedWithTheImage) {
                // a tag goes when its image is removed by id
            }
        }
    }

    @Test
    void buildReturnsIdAndTagsRecordsTheImageAndLabelsItWithTheRun() throws Exception {
        String tag = DOCKER.uniqueName("pipeline-build") + ":1";
        DockerBuildStep step = new DockerBuildStep();
        step.setTags(List.of(tag));
        step.setBuildArgs(Map.of("GREETING", "hello"));
        step.setLabels(Map.of("com.example.team", "ci"));
        build.env.put("GIT_COMMIT", "0123abc");

        FakeStepContext context = build.context();
        new DockerBuildStep.Execution(context, step, build.services(), build.nodes).start();
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) context.result();
        imagesToRemove.add((String) result.get("id"));

        assertThat(result).containsOnlyKeys("id", "tags");
        assertThat((String) result.get("id")).startsWith("sha256:");
        assertThat(result.get("tags")).isEqualTo(List.of(tag));
        InspectImageResponse image = DOCKER.client().inspectImageCmd((String) result.get("id")).exec();
        assertThat(image.getConfig().getLabels())
                .containsEntry("com.example.team", "ci")
                .containsEntry("org.opencontainers.image.revision", "0123abc")
                .containsEntry(ManagedLabels.RUN, build.runId());
        assertThat(build.summary().getImages()).singleElement().satisfies(record -> {
            assertThat(record.getImageId()).isEqualTo(result.get("id"));
            assertThat(record.getTags()).containsExactly(tag);
        });
        assertThat(build.run.saves()).isPositive();
        assertThat(build.listener.text()).contains("[docker-ci] Built image");
    }

    @Test
    void anInvalidParameterFailsTheStepBeforeDockerIsCalled() throws Exception {
        DockerBuildStep step = new DockerBuildStep();
        step.setTags(List.of("Not A Valid Tag"));

        FakeStepContext context = build.context();
        new DockerBuildStep.Execution(context, step, build.services(), build.nodes).start();

        assertThat(context.failure()).isInstanceOf(AbortException.class).hasMessageStartingWith("dockerBuild: ")
                .hasMessageContaining("Not A Valid Tag");
        assertThat(build.summary()).isNull();
    }

    @Test
    void pushDefaultsToTheBuiltImageLogsInWithTheStepsCredentialsAndReturnsDigests() throws Exception {
        TestEnvironment env = TestEnvironment.current();
        DockerBuildStep buildStep = new DockerBuildStep();
        FakeStepContext built = build.context();
        new DockerBuildStep.Execution(built, buildStep, build.services(), build.nodes).start();
        String imageId = (String) ((Map<?, ?>) built.result()).get("id");
        imagesToRemove.add(imageId);

        String repository = DOCKER.uniqueName("pipeline-push");
        String anonymous = env.anonymousRegistry() + "/ci/" + repository + ":1";
        String authenticated = env.authRegistry() + "/ci/" + repository + ":1";
        build.credentials(Map.of("reg", new UsernamePassword(env.authRegistryUser(), env.authRegistryPassword())));
        DockerPushStep push = new DockerPushStep(List.of(anonymous, authenticated));
        push.setRegistry(new RegistryEndpoint("http://" + env.authRegistry(), "reg"));
        imagesToRemove.add(anonymous);
        imagesToRemove.add(authenticated);

        FakeStepContext context = build.context();
        new DockerPushStep.Execution(context, push, build.services(), build.nodes).start();
        @SuppressWarnings("unchecked")
        List<Map<String, String>> result = (List<Map<String, String>>) context.result();

        assertThat(result).extracting(m -> m.get("reference")).containsExactly(anonymous, authenticated);
        assertThat(result).allSatisfy(m -> assertThat(m.get("digest")).startsWith("sha256:"));
        assertThat(build.credentials.tracked).hasSize(1);
        assertThat(build.summary().getPushes()).extracting(p -> p.getReference()).containsExactly(anonymous, authenticated);
        assertThat(build.summary().getPushes().get(0).getPinned())
                .isEqualTo(env.anonymousRegistry() + "/ci/" + repository + "@" + result.get(0).get("digest"));
        assertThat(build.listener.text()).doesNotContain(env.authRegistryPassword());
    }

    @Test
    void cleanupRemovesWhatTheBuildBuiltRecordsTheReportAndIsIdempotent() throws Exception {
        DockerBuildStep step = new DockerBuildStep();
        step.setTags(List.of(DOCKER.uniqueName("pipeline-cleanup") + ":1"));
        FakeStepContext built = build.context();
        new DockerBuildStep.Execution(built, step, build.services(), build.nodes).start();
        String imageId = (String) ((Map<?, ?>) built.result()).get("id");

        FakeStepContext first = build.context();
        new DockerCleanupStep.Execution(first, new DockerCleanupStep(), build.services(), build.nodes).start();
        Map<?, ?> report = (Map<?, ?>) first.result();
        FakeStepContext second = build.context();
        new DockerCleanupStep.Execution(second, new DockerCleanupStep(), build.services(), build.nodes).start();
        Map<?, ?> again = (Map<?, ?>) second.result();

        assertThat((Integer) report.get("removed")).isPositive();
        assertThat(report.get("failures")).isEqualTo(List.of());
        assertThatThrownBy(() -> DOCKER.client().inspectImageCmd(imageId).exec()).isInstanceOf(NotFoundException.class);
        assertThat(again.get("removed")).isEqualTo(0);
        assertThat(again.get("failures")).isEqualTo(List.of());
        assertThat(build.summary().getCleanups()).hasSize(2).allSatisfy(c -> assertThat(c.isClean()).isTrue());
    }

    @Test
    void aCompletedPipelineBuildIsCleanedUpThroughTheNodeItLastUsedWithoutDockerCleanup() throws Exception {
        DockerBuildStep step = new DockerBuildStep();
        step.setTags(List.of(DOCKER.uniqueName("pipeline-completion") + ":1"));
        FakeStepContext built = build.context();
        new DockerBuildStep.Execution(built, step, build.services(), build.nodes).start();
        String imageId = (String) ((Map<?, ?>) built.result()).get("id");
        PipelineCleanupOnCompletion listener = new PipelineCleanupOnCompletion();

        listener.onCompleted(build.run, build.listener, build.services(), build.nodes);
        listener.onCompleted(build.run, build.listener, build.services(), build.nodes);

        assertThatThrownBy(() -> DOCKER.client().inspectImageCmd(imageId).exec()).isInstanceOf(NotFoundException.class);
        assertThat(build.summary().getCleanups()).as("cleaned once").singleElement()
                .satisfies(cleanup -> assertThat(cleanup.getRemoved()).isPositive());
    }

    @Test
    void pushWithoutImageInABuildThatBuiltNothingSaysWhatToDo() throws Exception {
        FakeStepContext context = build.context();
        new DockerPushStep.Execution(context, new DockerPushStep(List.of("127.0.0.1:5000/ci/x:1")), build.services(), build.nodes).start();

        assertThatThrownBy(context::result).isInstanceOf(AbortException.class)
                .hasMessageContaining("no 'image' given").hasMessageContaining("dockerBuild");
    }
}
