package io.jenkins.plugins.dockerci.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.TaskListener;
import hudson.util.StreamTaskListener;
import io.jenkins.plugins.dockerci.action.BuildSummaryAction;
import io.jenkins.plugins.dockerci.action.DockerEnginesAction;
import io.jenkins.plugins.dockerci.action.EngineRecord;
import io.jenkins.plugins.dockerci.cleanup.CleanupSummary;
import io.jenkins.plugins.dockerci.cleanup.OrphanReaperWork;
import io.jenkins.plugins.dockerci.config.DockerCiConfiguration;
import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import io.jenkins.plugins.dockerci.testsupport.JenkinsDocker;
import io.jenkins.plugins.dockerci.testsupport.Pipelines;
import io.jenkins.plugins.dockerci.testsupport.TlsHost;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A TLS Docker host as an admin configures it: the engine on {@code tcp://127.0.0.1:2376} with client certificates,
 * through a real Docker Host Certificate Authentication credential of docker-commons (finding U1 broke exactly this
 * path), and the orphan reaper reaching it (W6).
 */
@WithJenkins
class TlsHostIT {

    @RegisterExtension
    static final JenkinsDocker DOCKER = new JenkinsDocker();

    @Test
    void stepsAndCleanupWorkOnAConfiguredTlsHost_U1(JenkinsRule r) throws Exception {
        TlsHost.addCredentials("docker-tls");
        DockerCiConfiguration.get().setDockerHostUri(TlsHost.uri());
        DockerCiConfiguration.get().setDockerHostCredentialsId("docker-tls");
        WorkflowJob job = Pipelines.job(r, """
                node {
                  %s
                  def image = dockerBuild()
                  dockerTest(image: image.id, command: 'cat /over-tls', services: [%s])
                }
                """.formatted(Pipelines.dockerfile("RUN echo built over TLS > /over-tls"), Pipelines.WEB_SERVICE));

        WorkflowRun run = r.buildAndAssertSuccess(job);

        r.assertLogContains("built over TLS", run);
        assertThat(run.getAction(DockerEnginesAction.class).getEngines()).extracting(EngineRecord::getHostUri)
                .containsExactly(TlsHost.uri());
        r.assertLogContains("Cleanup of run ", run);
        r.assertLogNotContains("PRIVATE KEY", run);
    }

    @Test
    void theReaperReachesAConfiguredTlsHost_W6(JenkinsRule r) throws Exception {
        TlsHost.addCredentials("docker-tls");
        DockerCiConfiguration.get().setDockerHostUri(TlsHost.uri());
        DockerCiConfiguration.get().setDockerHostCredentialsId("docker-tls");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TaskListener listener = new StreamTaskListener(out, StandardCharsets.UTF_8);

        List<CleanupSummary> reaped = OrphanReaperWork.get().reapAll(listener, Duration.ofMinutes(30));

        assertThat(reaped).hasSize(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Reaping the Docker engine " + TlsHost.uri())
                .doesNotContain("PRIVATE KEY");
    }

    @Test
    void aPipelineUsingTwoEnginesIsCleanedOnBoth(JenkinsRule r) throws Exception {
        String local = JenkinsDocker.uniqueName("local") + ":1";
        String remote = JenkinsDocker.uniqueName("tls") + ":1";
        WorkflowJob job = Pipelines.job(r, """
                node {
                  %s
                  dockerBuild(tags: ['%s'])
                  withEnv(['DOCKER_HOST=%s', 'DOCKER_TLS_VERIFY=1', 'DOCKER_CERT_PATH=%s']) {
                    dockerBuild(tags: ['%s'])
                    dockerTest(image: '%s', command: 'echo tested over TLS')
                  }
                }
                """.formatted(Pipelines.dockerfile("RUN echo two > /two"), local, TlsHost.uri(), TlsHost.certPath(), remote,
                TestImages.BUSYBOX));

        WorkflowRun run = r.buildAndAssertSuccess(job);

        assertThat(run.getAction(DockerEnginesAction.class).getEngines()).hasSize(2)
                .anySatisfy(e -> assertThat(e.getDockerEnvironment()).containsEntry("DOCKER_HOST", TlsHost.uri()))
                .anySatisfy(e -> assertThat(e.getDockerEnvironment()).doesNotContainKey("DOCKER_HOST"));
        assertThat(run.getAction(BuildSummaryAction.class).getCleanups()).hasSize(2);
    }
}
