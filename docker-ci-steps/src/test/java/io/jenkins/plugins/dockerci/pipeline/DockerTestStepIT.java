package io.jenkins.plugins.dockerci.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Container;
import hudson.AbortException;
import io.jenkins.plugins.dockerci.action.TestRecord;
import io.jenkins.plugins.dockerci.engine.ManagedLabels;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** dockerTest driven as Pipeline drives it, against the real engine. */
class DockerTestStepIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    @TempDir
    Path dir;

    private StepFixture build;

    @BeforeEach
    void build() throws IOException {
        build = new StepFixture(dir, DOCKER.ownerId());
    }

    private List<Container> runContainers() {
        return DOCKER.client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ManagedLabels.RUN, build.runId())).exec();
    }

    private FakeStepContext start(DockerTestStep step) {
        FakeStepContext context = build.context();
        new DockerTestStep.Execution(context, step, build.services(), build.nodes).start();
        return context;
    }

    @Test
    void withReturnStatusANonZeroExitIsTheStepsValue() throws Exception {
        DockerTestStep step = new DockerTestStep();
        step.setImage(TestImages.BUSYBOX);
        step.setCommand("echo testing; exit 3");
        step.setReturnStatus(true);

        Object result = start(step).result();

        assertThat(result).isEqualTo(3);
        assertThat(build.listener.text()).contains("testing");
        assertThat(build.summary().getTests()).singleElement().satisfies(test -> {
            assertThat(test.getExitCode()).isEqualTo(3);
            assertThat(test.getOutcomeText()).isEqualTo("failed (exit code 3)");
        });
        assertThat(runContainers()).isEmpty();
    }

    @Test
    void withoutReturnStatusANonZeroExitFailsTheStep() throws Exception {
        DockerTestStep step = new DockerTestStep();
        step.setImage(TestImages.BUSYBOX);
        step.setCommand(List.of("sh", "-c", "exit 2"));

        assertThat(start(step).failure()).isInstanceOf(AbortException.class)
                .hasMessageContaining("exit code 2").hasMessageContaining("returnStatus");
    }

    @Test
    void testsReachAPostgresServiceThroughTheirEnvironmentTemplates() throws Exception {
        DockerTestStep step = new DockerTestStep();
        step.setImage(TestImages.POSTGRES);
        step.setCommand("psql \"$DATABASE_URL\" -tAc 'select 40 + 2'");
        step.setServices(List.of(Map.of("image", TestImages.POSTGRES, "alias", "db", "ports", List.of(5432),
                "readiness", Map.of("log", "database system is ready to accept connections"))));
        step.setEnv(Map.of("DATABASE_URL", "postgresql://postgres@${db.host}:${db.port.5432}/postgres"));

        Object result = start(step).result();

        assertThat(result).isNull();
        assertThat(build.listener.lines()).contains("42");
        TestRecord test = build.summary().getTests().get(0);
        assertThat(test.isPassed()).isTrue();
        assertThat(test.getServices()).singleElement().satisfies(service -> {
            assertThat(service.getName()).isEqualTo("db");
            assertThat(service.getImage()).isEqualTo(TestImages.POSTGRES);
            assertThat(service.getTimeToReady()).isPositive();
        });
        assertThat(runContainers()).isEmpty();
    }

    @Test
    void stopDuringALongTestStopsTheContainersAndFailsWithTheCause() throws Exception {
        DockerTestStep step = new DockerTestStep();
        step.setImage(TestImages.BUSYBOX);
        step.setCommand("echo started; sleep 300");
        step.setStopGracePeriod("1s");
        FakeStepContext context = build.context();
        DockerTestStep.Execution execution = new DockerTestStep.Execution(context, step, build.services(), build.nodes);
        execution.start();
        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> build.listener.text().contains("started"));

        InterruptedException abort = new InterruptedException("aborted by user");
        execution.stop(abort);

        assertThat(context.failure()).isSameAs(abort);
        assertThat(context.completions()).isEqualTo(1);
        assertThat(runContainers()).isEmpty();
        assertThat(build.summary().getTests()).singleElement()
                .satisfies(test -> assertThat(test.getEnding()).isEqualTo(TestRecord.Ending.INTERRUPTED));
    }
}
