package io.jenkins.plugins.dockerci.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.exception.NotFoundException;
import hudson.model.TaskListener;
import hudson.slaves.DumbSlave;
import hudson.slaves.EnvironmentVariablesNodeProperty;
import hudson.util.StreamTaskListener;
import io.jenkins.plugins.dockerci.config.DockerCiConfiguration;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import io.jenkins.plugins.dockerci.identity.JenkinsIdentity;
import io.jenkins.plugins.dockerci.testsupport.JenkinsDocker;
import io.jenkins.plugins.dockerci.testsupport.TlsHost;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The orphan reaper of a real Jenkins against the real engine: it removes what a finished build of this Jenkins left,
 * never what is not labelled with its owner id; it reaches each agent's engine as the agent's environment chooses it
 * (W8), and reads its interval on every run (W7).
 */
@WithJenkins
class OrphanReaperIT {

    @RegisterExtension
    static final JenkinsDocker DOCKER = new JenkinsDocker();

    @Test
    void theLeftoversOfAFinishedBuildAreRemovedAndNothingElse(JenkinsRule r) throws Exception {
        String orphan = container(new RunContext(JenkinsIdentity.ownerId(), "gone-job-1-0123456789ab").labels());
        String foreign = container(new RunContext("another-jenkins", "gone-job-1-0123456789ab").labels());
        try {
            OrphanReaperWork.get().reapAll(listener(), Duration.ZERO);

            assertThatThrownBy(() -> DOCKER.client().inspectContainerCmd(orphan).exec()).isInstanceOf(NotFoundException.class);
            assertThat(DOCKER.client().inspectContainerCmd(foreign).exec().getId()).isEqualTo(foreign);
        } finally {
            DOCKER.client().removeContainerCmd(foreign).withForce(true).exec();
        }
    }

    @Test
    void anAgentsEngineIsTheOneItsEnvironmentChooses_W8(JenkinsRule r) throws Exception {
        DumbSlave agent = r.createOnlineSlave();
        agent.getNodeProperties().add(new EnvironmentVariablesNodeProperty(
                new EnvironmentVariablesNodeProperty.Entry("DOCKER_HOST", TlsHost.uri()),
                new EnvironmentVariablesNodeProperty.Entry("DOCKER_TLS_VERIFY", "1"),
                new EnvironmentVariablesNodeProperty.Entry("DOCKER_CERT_PATH", TlsHost.certPath())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        OrphanReaperWork.get().reapAll(new StreamTaskListener(out, StandardCharsets.UTF_8), Duration.ofMinutes(30));

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Reaping the Docker engine " + TlsHost.uri())
                .contains("Reaping the Docker engine of the node");
    }

    @Test
    void aChangedIntervalAppliesWithoutARestart_W7(JenkinsRule r) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
        OrphanReaperWork reaper = new OrphanReaperWork(clock);
        DockerCiConfiguration.get().setReaperIntervalMinutes(60);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TaskListener listener = new StreamTaskListener(out, StandardCharsets.UTF_8);

        reaper.execute(listener);
        clock.advance(Duration.ofMinutes(5));
        reaper.execute(listener);
        assertThat(out.toString(StandardCharsets.UTF_8).split("Reaping the Docker engine", -1)).as("one run in the first hour").hasSize(2);

        DockerCiConfiguration.get().setReaperIntervalMinutes(5);
        clock.advance(Duration.ofMinutes(1));
        reaper.execute(listener);

        assertThat(out.toString(StandardCharsets.UTF_8).split("Reaping the Docker engine", -1)).as("the new interval applies").hasSize(3);
    }

    private static String container(Map<String, String> labels) {
        String id = DOCKER.client().createContainerCmd(TestImages.BUSYBOX).withCmd("true").withLabels(new HashMap<>(labels))
                .exec().getId();
        return id;
    }

    private static TaskListener listener() {
        return new StreamTaskListener(new ByteArrayOutputStream(), StandardCharsets.UTF_8);
    }

    /** A clock the test moves forward. */
    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
