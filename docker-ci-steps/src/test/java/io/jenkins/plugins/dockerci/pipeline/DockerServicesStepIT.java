package io.jenkins.plugins.dockerci.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.Container;
import hudson.AbortException;
import io.jenkins.plugins.dockerci.engine.ManagedLabels;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The dockerServices block against the real engine: the body reaches the services from the host; they always go. */
class DockerServicesStepIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    private static final Map<String, Object> WEB = Map.of(
            "image", TestImages.BUSYBOX,
            "alias", "web",
            "command", "httpd -f -p 8080 -h /var/www",
            "ports", List.of(8080),
            "readiness", Map.of("port", 8080));

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

    @Test
    void theBodyReachesTheServicesOnTheHostThroughItsEnvironmentAndTheyAreRemovedAfterwards() throws Exception {
        DockerServicesStep step = new DockerServicesStep(List.of(WEB));
        step.setEnv(Map.of("WEB_URL", "http://${web.host}:${web.port.8080}/"));
        FakeStepContext context = build.context();
        FakeBodyInvoker body = new FakeBodyInvoker(context, env -> {
            assertThat(runContainers()).as("services run while the body runs").hasSize(1);
            return get(env.get("WEB_URL"));
        });
        context.withBody(body);

        new DockerServicesStep.Execution(context, step, build.services(), build.nodes).start();
        Object result = context.result();

        assertThat(result).isEqualTo("hello from busybox httpd\n");
        assertThat(body.environment.get()).containsEntry("WEB_HOST", "127.0.0.1")
                .containsKey("WEB_PORT_8080")
                .containsEntry("WEB_URL", "http://127.0.0.1:" + body.environment.get().get("WEB_PORT") + "/");
        assertThat(runContainers()).isEmpty();
        assertThat(build.listener.text()).contains("Service 'web' (" + TestImages.BUSYBOX + ") ready after");
        assertThat(context.completions()).isEqualTo(1);
    }

    @Test
    void aFailingBodyFailsTheStepAndTheServicesAreRemovedAllTheSame() throws Exception {
        FakeStepContext context = build.context();
        context.withBody(new FakeBodyInvoker(context, env -> {
            throw new AbortException("integration tests failed");
        }));

        new DockerServicesStep.Execution(context, new DockerServicesStep(List.of(WEB)), build.services(), build.nodes).start();

        assertThat(context.failure()).isInstanceOf(AbortException.class).hasMessage("integration tests failed");
        assertThat(runContainers()).isEmpty();
    }

    @Test
    void stoppingTheBuildWhileTheBodyRunsRemovesTheServicesAndFailsWithTheCause() throws Exception {
        FakeStepContext context = build.context();
        CountDownLatch bodyRunning = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        context.withBody(new FakeBodyInvoker(context, env -> {
            bodyRunning.countDown();
            never.await(2, TimeUnit.MINUTES);
            return null;
        }));
        DockerServicesStep.Execution execution = new DockerServicesStep.Execution(context,
                new DockerServicesStep(List.of(WEB)), build.services(), build.nodes);
        execution.start();
        assertThat(bodyRunning.await(2, TimeUnit.MINUTES)).isTrue();

        InterruptedException abort = new InterruptedException("aborted by user");
        execution.stop(abort);

        assertThat(context.failure()).isSameAs(abort);
        assertThat(runContainers()).isEmpty();
        never.countDown();
    }

    @Test
    void aServiceThatNeverGetsReadyFailsTheStepWithoutRunningTheBody() throws Exception {
        FakeStepContext context = build.context();
        FakeBodyInvoker body = new FakeBodyInvoker(context, env -> "ran");
        context.withBody(body);
        Map<String, Object> deaf = Map.of("image", TestImages.BUSYBOX, "alias", "deaf", "command", "sleep 60",
                "ports", List.of(9999), "readiness", Map.of("port", 9999), "timeout", "2s");

        new DockerServicesStep.Execution(context, new DockerServicesStep(List.of(deaf)), build.services(), build.nodes).start();

        assertThat(context.failure()).isInstanceOf(AbortException.class).hasMessageContaining("deaf");
        assertThat(body.started).isFalse();
        assertThat(runContainers()).isEmpty();
    }

    @Test
    void aTypoInAServiceMapIsRejectedBeforeAnythingStarts() throws Exception {
        FakeStepContext context = build.context();
        context.withBody(new FakeBodyInvoker(context, env -> "ran"));
        Map<String, Object> typo = Map.of("image", TestImages.BUSYBOX, "alias", "db", "port", 5432);

        new DockerServicesStep.Execution(context, new DockerServicesStep(List.of(typo)), build.services(), build.nodes).start();

        assertThatThrownBy(context::result).isInstanceOf(AbortException.class)
                .hasMessageContaining("dockerServices.services[0] (db): unknown key 'port'");
    }

    private static String get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
