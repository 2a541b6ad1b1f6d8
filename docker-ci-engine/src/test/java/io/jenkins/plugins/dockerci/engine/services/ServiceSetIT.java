package io.jenkins.plugins.dockerci.engine.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.ManagedLabels;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import io.jenkins.plugins.dockerci.engine.services.wait.Wait;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ServiceSetIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    private final RunContext run = DOCKER.newRun();
    private final RecordingTracker tracker = new RecordingTracker();
    private final EngineContext ctx = new EngineContext(DOCKER.client(), run, tracker);

    @Test
    void timeoutErrorNamesServiceStrategyWaitedTimeAndTheLast50LogLines() {
        ServiceSpec slow = ServiceSpec.builder("slow", TestImages.BUSYBOX).expose(8080)
                .command(ContainerCommand.shell("for i in $(seq 1 60); do echo \"line $i\"; done; sleep 600"))
                .startupTimeout(Duration.ofMillis(1500)).build();
        assertThatThrownBy(() -> ServiceSet.start(ctx, List.of(slow), LogSink.NONE))
                .isInstanceOfSatisfying(ServiceStartException.class, e -> assertThat(e.service()).isEqualTo("slow"))
                .hasMessageContaining("Service 'slow' (" + TestImages.BUSYBOX + ") was not ready after 1.")
                .hasMessageContaining("waited for TCP port 8080")
                .hasMessageContaining("Last 50 log lines of 'slow'")
                .hasMessageContaining("line 11\n").hasMessageContaining("line 60")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("line 10\n"));
        assertNothingLeft();
    }

    @Test
    void aServiceThatCrashesAtStartupFailsFastWithItsExitCodeAndLogAndStopsTheOthers() {
        ServiceSpec crashing = ServiceSpec.builder("crashing", TestImages.BUSYBOX).expose(8080)
                .command(ContainerCommand.shell("echo 'config error: no such table' >&2; sleep 0.5; exit 3"))
                .startupTimeout(Duration.ofMinutes(5)).build();
        ServiceSpec neverReady = ServiceSpec.builder("never", TestImages.BUSYBOX).expose(8080)
                .command(ContainerCommand.shell("sleep 600")).startupTimeout(Duration.ofMinutes(5)).build();
        long start = System.nanoTime();
        assertThatThrownBy(() -> ServiceSet.start(ctx, List.of(crashing, neverReady), LogSink.NONE))
                .isInstanceOf(ServiceStartException.class)
                .hasMessageContaining("Service 'crashing'").hasMessageContaining("exited with code 3 during startup")
                .hasMessageContaining("config error: no such table");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(1));
        assertNothingLeft();
    }

    @Test
    void waitingForAHealthcheckTheImageLacksIsExplained() {
        ServiceSpec spec = ServiceSpec.builder("nohealth", TestImages.BUSYBOX).command(ContainerCommand.shell("sleep 600"))
                .waitingFor(Wait.forHealthcheck()).build();
        assertThatThrownBy(() -> ServiceSet.start(ctx, List.of(spec), LogSink.NONE))
                .hasMessageContaining("waits for its HEALTHCHECK").hasMessageContaining("defines none");
        assertNothingLeft();
    }

    @Test
    void aDependentServiceStartsOnlyOnceItsDependencyIsReady() throws Exception {
        ServiceSpec backend = ServiceSpec.builder("backend", TestImages.BUSYBOX).expose(8080)
                .command(ContainerCommand.shell("sleep 1; exec nc -ll -p 8080 -e echo backend-ok")).build();
        ServiceSpec frontend = ServiceSpec.builder("frontend", TestImages.BUSYBOX).dependsOn("backend")
                .command(ContainerCommand.shell("nc backend 8080 </dev/null | grep -q backend-ok && touch /tmp/ok; sleep 600"))
                .waitingFor(Wait.forCommand("test", "-f", "/tmp/ok")).startupTimeout(Duration.ofSeconds(10)).build();
        try (ServiceSet set = ServiceSet.start(ctx, List.of(frontend, backend), LogSink.NONE)) {
            assertThat(set.services()).containsOnlyKeys("frontend", "backend");
        }
        assertNothingLeft();
    }

    @Test
    void withoutDeclaredPortsTheImagesExposeDecidesPortsReadinessAndTemplates() throws Exception {
        ServiceSpec db = ServiceSpec.builder("db", TestImages.POSTGRES).build();
        EnvTemplates templates = EnvTemplates.parse(Map.of("URL", "postgresql://${db.host}:${db.port.5432}/postgres"));
        templates.validateAgainst(List.of(db));
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ServiceSet set = ServiceSet.start(ctx, List.of(db), (kind, text) -> log.add(text))) {
            assertThat(set.service("db").exposedPorts()).containsExactly(5432);
            assertThat(set.resolve(templates)).containsEntry("URL", "postgresql://db:5432/postgres");
            assertThat(set.legacyLinkEnv("tests")).containsEntry("DB_PORT_5432_TCP_PORT", "5432");
            assertThatThrownBy(() -> set.resolve(EnvTemplates.parse(Map.of("X", "${db.port.3306}"))))
                    .hasMessageContaining("exposes [5432]");
        }
        assertThat(log).anySatisfy(l -> assertThat(l).startsWith("Service 'db' ready").endsWith("(TCP port 5432)"));
        assertNothingLeft();
    }

    @Test
    void publishedPortsAreReachableOnTheHostLoopback() throws Exception {
        ServiceSpec web = ServiceSpec.builder("web", TestImages.BUSYBOX).expose(8080).publishPorts(true)
                .command(ContainerCommand.shell("exec nc -ll -p 8080 -e echo hello-host")).build();
        try (ServiceSet set = ServiceSet.start(ctx, List.of(web), LogSink.NONE)) {
            int port = set.service("web").hostPort(8080);
            assertThat(set.resolve(EnvTemplates.parse(Map.of("URL", "tcp://127.0.0.1:${web.hostPort.8080}"))))
                    .containsEntry("URL", "tcp://127.0.0.1:" + port);
            Map<String, String> fromHost = set.resolveForHost(EnvTemplates.parse(Map.of("WEB_HOST", "${web.host}", "WEB_PORT", "${web.port.8080}")));
            assertThat(fromHost).containsEntry("WEB_HOST", "127.0.0.1").containsEntry("WEB_PORT", Integer.toString(port));
            try (Socket s = new Socket(fromHost.get("WEB_HOST"), Integer.parseInt(fromHost.get("WEB_PORT")));
                 BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
                assertThat(in.readLine()).isEqualTo("hello-host");
            }
        }
        assertNothingLeft();
    }

    @Test
    void reportsEveryResourceBeforeCreatingItAndLabelsIt() throws Exception {
        ServiceSpec spec = ServiceSpec.builder("labelled", TestImages.BUSYBOX).command(ContainerCommand.shell("sleep 600")).build();
        try (ServiceSet set = ServiceSet.start(ctx, List.of(spec), LogSink.NONE)) {
            String network = set.network().orElseThrow();
            String container = set.service("labelled").containerName();
            assertThat(tracker.events()).containsExactly("creating NETWORK " + network, "created NETWORK " + network,
                    "creating CONTAINER " + container, "created CONTAINER " + container);
            assertThat(DOCKER.client().inspectContainerCmd(container).exec().getConfig().getLabels())
                    .containsEntry(ManagedLabels.MANAGED, "true").containsEntry(ManagedLabels.RUN, run.runId());
            assertThat(DOCKER.client().inspectContainerCmd(container).exec().getHostConfig().getInit()).isTrue();
        }
        assertNothingLeft();
    }

    @Test
    void stoppingTwiceIsHarmless() throws Exception {
        ServiceSpec spec = ServiceSpec.builder("twice", TestImages.BUSYBOX).command(ContainerCommand.shell("sleep 600")).build();
        ServiceSet set = ServiceSet.start(new EngineContext(DOCKER.client(), run, ResourceTracker.NONE), List.of(spec), LogSink.NONE);
        DOCKER.client().removeContainerCmd(set.service("twice").containerId()).withForce(true).exec();
        assertThat(set.stop()).isEmpty();
        assertThat(set.stop()).isEmpty();
        assertNothingLeft();
    }

    private void assertNothingLeft() {
        Map<String, String> label = Map.of(ManagedLabels.RUN, run.runId());
        assertThat(DOCKER.client().listContainersCmd().withShowAll(true).withLabelFilter(label).exec()).isEmpty();
        assertThat(DOCKER.client().listNetworksCmd().withFilter("label", List.of(ManagedLabels.RUN + "=" + run.runId())).exec()).isEmpty();
    }
}
