package io.jenkins.plugins.dockerci.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import hudson.FilePath;
import io.jenkins.plugins.dockerci.config.DockerCiConfiguration;
import io.jenkins.plugins.dockerci.engine.ManagedLabels;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import io.jenkins.plugins.dockerci.host.DockerHostSpec;
import io.jenkins.plugins.dockerci.testsupport.RecordingListener;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The periodic reaper's work on a node: orphans of finished builds go, resources of running builds stay. */
class OrphanReaperWorkIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    @TempDir
    File node;

    @Test
    void removesWhatFinishedBuildsLeftAndSparesRunningBuilds() throws Exception {
        DockerClient docker = DOCKER.client();
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        String orphan = network("job-1-aaaaaaaaaaaa", anHourAgo);
        String running = network("job-2-bbbbbbbbbbbb", anHourAgo);
        String young = network("job-3-cccccccccccc", Instant.now());
        RecordingListener log = new RecordingListener();

        CleanupSummary summary = OrphanReaperWork.reap(new FilePath(node).getChannel(), DockerHostSpec.nodeDefault(Map.of()),
                DOCKER.ownerId(), List.of("job-2-bbbbbbbbbbbb"), new DockerCiConfiguration(), log);

        assertThat(summary.removed()).isEqualTo(1);
        assertThat(summary.isClean()).isTrue();
        List<String> left = docker.listNetworksCmd().withFilter("label", List.of(ManagedLabels.OWNER + "=" + DOCKER.ownerId()))
                .exec().stream().map(n -> n.getId()).toList();
        assertThat(left).doesNotContain(orphan).contains(running, young);
        assertThat(log.text()).contains("job-1-aaaaaaaaaaaa");
        docker.removeNetworkCmd(running).exec();
        docker.removeNetworkCmd(young).exec();
    }

    private static String network(String runId, Instant created) {
        return DOCKER.client().createNetworkCmd().withName(DOCKER.uniqueName("reaper"))
                .withLabels(Map.of(ManagedLabels.MANAGED, "true", ManagedLabels.OWNER, DOCKER.ownerId(), ManagedLabels.RUN, runId,
                        ManagedLabels.CREATED, String.valueOf(created.getEpochSecond())))
                .exec().getId();
    }
}
