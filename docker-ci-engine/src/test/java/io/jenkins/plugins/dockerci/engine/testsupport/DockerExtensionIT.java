package io.jenkins.plugins.dockerci.engine.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.dockerci.engine.RunContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DockerExtensionIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    @Test
    void failsAndCleansUpWhenATestLeavesLabelledResourcesBehind() throws Exception {
        DockerExtension leaky = new DockerExtension();
        leaky.start();
        DockerClient docker = DOCKER.client();
        RunContext run = leaky.newRun();
        String network = leaky.uniqueName("leak");
        docker.createNetworkCmd().withName(network).withLabels(run.labels()).exec();
        String container = docker.createContainerCmd(TestImages.BUSYBOX).withName(leaky.uniqueName("leak"))
                .withLabels(run.labels()).withCmd("true").exec().getId();

        assertThatThrownBy(() -> leaky.finish("LeakyTest"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyTest left 2 labelled Docker resource(s) behind")
                .hasMessageContaining("network " + network)
                .hasMessageContaining("container " + container.substring(0, 12));

        assertThat(docker.listNetworksCmd().withNameFilter(network).exec()).isEmpty();
        assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(leaky.ownerFilter()).exec()).isEmpty();
    }

    @Test
    void passesWhenNothingWasLeftAndIgnoresOtherOwners() throws Exception {
        DockerExtension tidy = new DockerExtension();
        tidy.start();
        String othersNetwork = DOCKER.uniqueName("other");
        DOCKER.client().createNetworkCmd().withName(othersNetwork).withLabels(DOCKER.newRun().labels()).exec();
        try {
            tidy.finish("TidyTest");
            assertThat(DOCKER.client().listNetworksCmd().withNameFilter(othersNetwork).exec()).hasSize(1);
        } finally {
            DOCKER.client().removeNetworkCmd(othersNetwork).exec();
        }
        assertThat(List.of(tidy.ownerId(), DOCKER.ownerId())).doesNotHaveDuplicates();
    }
}
