package io.jenkins.plugins.dockerci.engine.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.HostConfig;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TeardownIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    private final RunContext run = DOCKER.newRun();

    @Test
    void removesEvenWhenTheCallerIsInterruptedAndKeepsTheFlag() {
        String network = createNetwork();
        String container = createContainer(network);
        Teardown teardown = new Teardown(DOCKER.client(), Duration.ofSeconds(30));
        teardown.container(container);
        teardown.network(network);
        Thread.currentThread().interrupt();
        List<String> problems;
        try {
            problems = teardown.run((kind, text) -> { });
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt flag survives the teardown").isTrue();
        }
        assertThat(problems).isEmpty();
        assertThat(DOCKER.client().listContainersCmd().withShowAll(true).withIdFilter(List.of(container)).exec()).isEmpty();
    }

    @Test
    void somethingAlreadyGoneCountsAsRemovedAndASecondRunDoesNothing() {
        Teardown teardown = new Teardown(DOCKER.client(), Duration.ofSeconds(30));
        teardown.container("dci-never-existed-" + run.runId());
        teardown.network("dci-never-existed-" + run.runId());
        assertThat(teardown.run((kind, text) -> { })).isEmpty();
        assertThat(teardown.pending()).isEmpty();
        assertThat(teardown.run((kind, text) -> { })).isEmpty();
    }

    @Test
    void aFailedRemovalIsLoggedAsWarningAndReturnedNotThrown() {
        String network = createNetwork();
        String stranger = createContainer(network);
        List<String> warnings = new CopyOnWriteArrayList<>();
        Teardown teardown = new Teardown(DOCKER.client(), Duration.ofSeconds(30));
        teardown.network(network);
        List<String> problems = teardown.run((kind, text) -> warnings.add(kind + " " + text));
        DOCKER.client().removeContainerCmd(stranger).withForce(true).exec();
        DOCKER.client().removeNetworkCmd(network).exec();
        assertThat(problems).singleElement().asString().startsWith("could not remove network " + network);
        assertThat(warnings).singleElement().asString().startsWith("WARN Cleanup: could not remove network " + network);
    }

    private String createNetwork() {
        String name = DOCKER.uniqueName("teardown-net");
        DOCKER.client().createNetworkCmd().withName(name).withLabels(run.labels()).exec();
        return name;
    }

    private String createContainer(String network) {
        String id = DOCKER.client().createContainerCmd(TestImages.BUSYBOX).withLabels(run.labels()).withCmd("sleep", "600")
                .withHostConfig(HostConfig.newHostConfig().withInit(true).withNetworkMode(network)).exec().getId();
        DOCKER.client().startContainerCmd(id).exec();
        return id;
    }
}
