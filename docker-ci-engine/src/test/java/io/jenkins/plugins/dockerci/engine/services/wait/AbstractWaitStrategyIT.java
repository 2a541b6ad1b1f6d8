package io.jenkins.plugins.dockerci.engine.services.wait;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import io.jenkins.plugins.dockerci.engine.services.ContainerCommand;
import io.jenkins.plugins.dockerci.engine.services.ServiceSet;
import io.jenkins.plugins.dockerci.engine.services.ServiceSpec;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract every {@link WaitStrategy} keeps, against real containers: it waits for a service that gets ready
 * late, gives up at the deadline for one that never does, and stops waiting as soon as the service exits.
 */
abstract class AbstractWaitStrategyIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    /** The strategy under test. */
    abstract WaitStrategy strategy();

    /** A busybox shell script that makes the service ready (for {@link #strategy()}) after about a second, then keeps running. */
    abstract String readyAfterASecond();

    /** A busybox shell script after which the service keeps running but never becomes ready. */
    String neverReady() {
        return "sleep 600";
    }

    /** Adjusts the service spec (for example to add a HEALTHCHECK). */
    ServiceSpec.Builder customize(ServiceSpec.Builder spec) {
        return spec;
    }

    @Test
    void waitsUntilAServiceThatStartsSlowlyIsReady() throws Exception {
        try (ServiceSet set = start(readyAfterASecond()); StartedContainer target = target(set)) {
            assertThat(strategy().waitUntilReady(target, Deadline.after(Duration.ofSeconds(30)))).isTrue();
            assertThat(target.running()).isTrue();
        }
    }

    @Test
    void givesUpAtTheDeadlineWhenTheServiceNeverGetsReady() throws Exception {
        try (ServiceSet set = start(neverReady()); StartedContainer target = target(set)) {
            Deadline deadline = Deadline.after(Duration.ofMillis(1500));
            assertThat(strategy().waitUntilReady(target, deadline)).isFalse();
            assertThat(deadline.expired()).isTrue();
            assertThat(target.running()).isTrue();
        }
    }

    @Test
    void stopsWaitingAsSoonAsTheServiceExits() throws Exception {
        try (ServiceSet set = start("sleep 1; exit 3"); StartedContainer target = target(set)) {
            Deadline deadline = Deadline.after(Duration.ofSeconds(120));
            assertThat(strategy().waitUntilReady(target, deadline)).isFalse();
            assertThat(target.running()).isFalse();
            assertThat(deadline.expired()).as("returned because the service exited, not at the deadline").isFalse();
        }
    }

    private ServiceSet start(String script) throws InterruptedException {
        EngineContext ctx = new EngineContext(DOCKER.client(), DOCKER.newRun(), ResourceTracker.NONE);
        ServiceSpec spec = customize(ServiceSpec.builder("svc", TestImages.BUSYBOX).expose(8080)
                .command(ContainerCommand.shell(script))).waitingFor(Wait.forRunning()).build();
        return ServiceSet.start(ctx, List.of(spec), LogSink.NONE);
    }

    private static StartedContainer target(ServiceSet set) {
        return new StartedContainer(DOCKER.client(), set.service("svc"));
    }
}
