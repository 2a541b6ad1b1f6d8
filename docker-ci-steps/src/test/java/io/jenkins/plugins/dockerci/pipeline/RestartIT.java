package io.jenkins.plugins.dockerci.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.dockerci.action.BuildSummaryAction;
import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import io.jenkins.plugins.dockerci.testsupport.JenkinsDocker;
import io.jenkins.plugins.dockerci.testsupport.Pipelines;
import io.jenkins.plugins.dockerci.testsupport.TlsHost;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * What survives a restart of the controller in the middle of a build (finding W5): a {@code dockerServices} block goes
 * on with its services and removes them when it ends; a step whose work was cut off fails saying so; and in every
 * case the build's final cleanup, which finds the build's engines in {@code build.xml}, leaves nothing behind.
 */
class RestartIT {

    @RegisterExtension
    static final JenkinsDocker DOCKER = new JenkinsDocker();

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void aServicesBlockOutlivesARestartAndTheBuildIsCleanedAfterwards() throws Throwable {
        String tag = JenkinsDocker.uniqueName("restart") + ":1";
        sessions.then(r -> {
            WorkflowJob job = Pipelines.job(r, """
                    node {
                      %s
                      dockerBuild(tags: ['%s'])
                      dockerServices(services: [%s]) {
                        waitUntil { fileExists 'go' }
                        sh 'curl -fsS http://$WEB_HOST:$WEB_PORT_8080/'
                      }
                    }
                    """.formatted(Pipelines.dockerfile("RUN echo built > /built"), tag, Pipelines.WEB_SERVICE));
            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            r.waitForMessage("The block's environment has", run);
        });
        sessions.then(r -> {
            WorkflowRun run = r.jenkins.getItemByFullName("test0", WorkflowJob.class).getLastBuild();
            r.jenkins.getWorkspaceFor(run.getParent()).child("go").write("", "UTF-8");

            r.assertBuildStatusSuccess(r.waitForCompletion(run));

            r.assertLogContains("hello from busybox httpd", run);
            assertThat(run.getAction(BuildSummaryAction.class).getCleanups()).isNotEmpty();
            DOCKER.awaitNothingLeft();
        });
    }

    @Test
    void aRestartBetweenStepsOfATwoEnginePipelineLeavesNothingOnEither() throws Throwable {
        sessions.then(r -> {
            WorkflowJob job = Pipelines.job(r, """
                    node {
                      %s
                      dockerBuild(tags: ['%s'])
                      withEnv(['DOCKER_HOST=%s', 'DOCKER_TLS_VERIFY=1', 'DOCKER_CERT_PATH=%s']) {
                        dockerBuild(tags: ['%s'])
                        echo 'both engines used'
                        waitUntil { fileExists 'go' }
                      }
                    }
                    """.formatted(Pipelines.dockerfile("RUN echo two > /two"), JenkinsDocker.uniqueName("local") + ":1",
                    TlsHost.uri(), TlsHost.certPath(), JenkinsDocker.uniqueName("tls") + ":1"));
            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            r.waitForMessage("both engines used", run);
        });
        sessions.then(r -> {
            WorkflowRun run = r.jenkins.getItemByFullName("test0", WorkflowJob.class).getLastBuild();
            r.jenkins.getWorkspaceFor(run.getParent()).child("go").write("", "UTF-8");

            r.assertBuildStatusSuccess(r.waitForCompletion(run));

            assertThat(run.getAction(BuildSummaryAction.class).getCleanups()).hasSize(2);
            DOCKER.awaitNothingLeft();
        });
    }

    @Test
    void aStepCutOffByARestartFailsSayingSoAndItsContainersAreRemoved() throws Throwable {
        sessions.then(r -> {
            WorkflowJob job = Pipelines.job(r, "node { dockerTest(image: '" + TestImages.BUSYBOX
                    + "', command: 'echo started; sleep 120', services: [" + Pipelines.WEB_SERVICE + "]) }");
            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            r.waitForMessage("started", run);
        });
        sessions.then(r -> {
            WorkflowRun run = r.jenkins.getItemByFullName("test0", WorkflowJob.class).getLastBuild();

            r.assertBuildStatus(Result.FAILURE, r.waitForCompletion(run));

            r.assertLogContains("dockerTest was running when Jenkins restarted and cannot continue", run);
            DOCKER.awaitNothingLeft();
        });
    }
}
