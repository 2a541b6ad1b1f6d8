package io.jenkins.plugins.dockerci.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import com.github.dockerjava.api.exception.NotFoundException;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.dockerci.action.BuildSummaryAction;
import io.jenkins.plugins.dockerci.action.DockerEnginesAction;
import io.jenkins.plugins.dockerci.action.EngineRecord;
import io.jenkins.plugins.dockerci.action.TestRecord;
import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import io.jenkins.plugins.dockerci.identity.RunIds;
import io.jenkins.plugins.dockerci.testsupport.JenkinsDocker;
import io.jenkins.plugins.dockerci.testsupport.Pipelines;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.jenkinsci.plugins.workflow.actions.ArgumentsAction;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The Pipeline steps in a real Jenkins, sandboxed, against the real Docker engine: results, blocks, parallel branches,
 * aborts and agents. After every test nothing labelled with the Jenkins' owner id is left on the engine.
 */
@WithJenkins
class PipelineStepsIT {

    @RegisterExtension
    static final JenkinsDocker DOCKER = new JenkinsDocker();

    @Test
    void dockerServicesRunsTheBodyOnTheAgentNextToItsServicesAndRemovesThem(JenkinsRule r) throws Exception {
        WorkflowJob job = Pipelines.job(r, """
                node {
                  dockerServices(services: [%s], env: [SITE: 'http://${web.host}:${web.port.8080}/']) {
                    sh 'curl -fsS "$SITE"; echo "host=$WEB_HOST first=$WEB_PORT"'
                  }
                }
                """.formatted(Pipelines.WEB_SERVICE));

        WorkflowRun run = r.buildAndAssertSuccess(job);

        r.assertLogContains("hello from busybox httpd", run);
        r.assertLogContains("host=127.0.0.1 first=", run);
        r.assertLogContains("Service 'web' (", run);
        assertThat(DOCKER.client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("io.jenkins.dockerci.run", RunIds.of(run)))
                .exec()).isEmpty();
    }

    @Test
    void dockerServicesKeepsTheEnclosingCredentialsMasked_W1(JenkinsRule r) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, "site-login", null, "site-user", "t0p-s3cret-value"));
        WorkflowJob job = Pipelines.job(r, """
                node {
                  withCredentials([usernamePassword(credentialsId: 'site-login', usernameVariable: 'U', passwordVariable: 'P')]) {
                    dockerServices(services: [%s]) {
                      sh "echo got ${P}"
                    }
                  }
                }
                """.formatted(Pipelines.WEB_SERVICE));

        WorkflowRun run = r.buildAndAssertSuccess(job);

        r.assertLogNotContains("t0p-s3cret-value", run);
        FlowNode sh = new DepthFirstScanner().findFirstMatch(run.getExecution(),
                node -> "sh".equals(node.getDisplayFunctionName()));
        assertThat(ArgumentsAction.getStepArgumentsAsString(sh)).doesNotContain("t0p-s3cret-value").contains("${P}");
    }

    @Test
    void returnStatusGivesTheExitCodeAndUnstableOnFailureMarksTheStage(JenkinsRule r) throws Exception {
        WorkflowJob job = Pipelines.job(r, """
                node {
                  def code = dockerTest(image: '%s', command: 'exit 3', returnStatus: true)
                  echo "code was ${code}"
                  stage('lint') {
                    dockerTest(image: '%s', command: 'echo two failures; exit 2', unstableOnFailure: true)
                  }
                  echo 'after the unstable stage'
                }
                """.formatted(TestImages.BUSYBOX,
                TestImages.BUSYBOX));

        WorkflowRun run = r.assertBuildStatus(Result.UNSTABLE, job.scheduleBuild2(0));

        r.assertLogContains("code was 3", run);
        r.assertLogContains("after the unstable stage", run);
        r.assertLogContains("dockerTest: the tests failed with exit code 2; the build is UNSTABLE", run);
        FlowNode unstable = new DepthFirstScanner().findFirstMatch(run.getExecution(),
                node -> node.getPersistentAction(WarningAction.class) != null);
        assertThat(unstable).isNotNull();
        assertThat(run.getAction(BuildSummaryAction.class).getTests()).extracting(TestRecord::getExitCode).containsExactly(3, 2);
    }

    @Test
    void aFailingTestFailsTheStepWithWhatToDo(JenkinsRule r) throws Exception {
        WorkflowJob job = Pipelines.job(r, "node { dockerTest(image: '"
                + TestImages.BUSYBOX + "', command: 'exit 4') }");

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("dockerTest: the tests failed with exit code 4", run);
        r.assertLogNotContains("\tat io.jenkins", run);
    }

    @Test
    void parallelBranchesEachTestTheImageTheyBuilt_W11(JenkinsRule r) throws Exception {
        WorkflowJob job = Pipelines.job(r, """
                parallel left: {
                  node {
                    ws('left') {
                      %s
                      dockerBuild()
                      sleep 2
                      dockerTest(command: 'echo "left saw $(cat /who)"')
                    }
                  }
                }, right: {
                  node {
                    ws('right') {
                      %s
                      dockerBuild()
                      dockerTest(command: 'echo "right saw $(cat /who)"')
                    }
                  }
                }
                """.formatted(Pipelines.dockerfile("RUN echo i-am-left > /who"), Pipelines.dockerfile("RUN echo i-am-right > /who")));

        WorkflowRun run = r.buildAndAssertSuccess(job);

        r.assertLogContains("left saw i-am-left", run);
        r.assertLogContains("right saw i-am-right", run);
    }

    @Test
    void anAbortedTestStopsItsContainersAndTheBuildIsCleanedUp(JenkinsRule r) throws Exception {
        WorkflowJob job = Pipelines.job(r, "node { dockerTest(image: '"
                + TestImages.BUSYBOX
                + "', command: 'echo started; sleep 300', services: [" + Pipelines.WEB_SERVICE + "]) }");
        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        r.waitForMessage("started", run);

        run.doStop();

        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(run));
        // the step fails at once; its thread records the stopped run once the engine has stopped it
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                run.getAction(BuildSummaryAction.class).getTests()).extracting(TestRecord::getEnding)
                .containsExactly(TestRecord.Ending.INTERRUPTED));
    }

    @Test
    void stepsOnTwoAgentsAreCleanedOnBoth_W4(JenkinsRule r) throws Exception {
        DumbSlave one = r.createOnlineSlave(r.jenkins.getLabel("one"));
        DumbSlave two = r.createOnlineSlave(r.jenkins.getLabel("two"));
        String tag = JenkinsDocker.uniqueName("agents") + ":1";
        WorkflowJob job = Pipelines.job(r, """
                node('one') {
                  %s
                  def image = dockerBuild(tags: ['%s'])
                  node('two') {
                    dockerTest(image: '%s', command: 'echo tested on two')
                  }
                }
                """.formatted(Pipelines.dockerfile("RUN echo built > /built"), tag, tag));

        WorkflowRun run = r.buildAndAssertSuccess(job);

        r.assertLogContains("tested on two", run);
        assertThat(run.getAction(DockerEnginesAction.class).getEngines()).extracting(EngineRecord::getNodeName)
                .containsExactly(one.getNodeName(), two.getNodeName());
        assertThat(run.getAction(BuildSummaryAction.class).getCleanups()).hasSize(2);
        assertThatThrownBy(() -> DOCKER.client().inspectImageCmd(tag).exec()).isInstanceOf(NotFoundException.class);
    }
}
