package io.jenkins.plugins.dockerci.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.tasks.Shell;
import io.jenkins.plugins.dockerci.config.DockerCiConfiguration;
import io.jenkins.plugins.dockerci.config.RegistryEndpoint;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import io.jenkins.plugins.dockerci.engine.testsupport.PrivateImages;
import io.jenkins.plugins.dockerci.freestyle.BuildImageBuilder;
import io.jenkins.plugins.dockerci.freestyle.TestInContainerBuilder;
import io.jenkins.plugins.dockerci.steps.DockerBuildStep;
import io.jenkins.plugins.dockerci.steps.DockerTestStep;
import io.jenkins.plugins.dockerci.steps.ReadinessParameters;
import io.jenkins.plugins.dockerci.steps.ServiceParameters;
import io.jenkins.plugins.dockerci.testsupport.JenkinsDocker;
import io.jenkins.plugins.dockerci.testsupport.Pipelines;
import io.jenkins.plugins.dockerci.testsupport.Registries;
import java.util.List;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Private registries for every image a flow touches (finding W9), in a real Jenkins: a {@code FROM} base, a service
 * image and a test image that exist only in the registry that needs a login. Each is pulled with the credentials of the
 * admin's registry list or of the step, from the real credentials store, and fails saying what to fix without them.
 */
@WithJenkins
class PrivateRegistryIT {

    @RegisterExtension
    @Order(1)
    static final JenkinsDocker DOCKER = new JenkinsDocker();

    @RegisterExtension
    @Order(2)
    static final DockerExtension ENGINE = new DockerExtension();

    @RegisterExtension
    @Order(3)
    static final PrivateImages IMAGES = PrivateImages.ofAFlow(ENGINE);

    @AfterEach
    void forgetPulls() {
        IMAGES.removeLocalCopies();
    }

    @Test
    void aPipelineWhoseImagesAreAllPrivateUsesTheGlobalRegistryList(JenkinsRule r) throws Exception {
        Registries.addCredentials("registry-ci");
        DockerCiConfiguration.get().setRegistries(List.of(new RegistryEndpoint("http://" + Registries.auth(), "registry-ci")));

        WorkflowRun run = r.buildAndAssertSuccess(Pipelines.job(r, flow("")));

        r.assertLogContains("private base pulled", run);
        r.assertLogContains("private tests ran next to the private service", run);
        r.assertLogContains("as user ci-user", run);
        r.assertLogContains("credentials 'registry-ci'", run);
        r.assertLogNotContains(Registries.password(), run);
    }

    @Test
    void aStepsOwnRegistryCredentialsAreUsedForItsImages(JenkinsRule r) throws Exception {
        Registries.addCredentials("mine");
        String registry = ", registry: [url: '" + Registries.auth() + "', credentialsId: 'mine']";

        WorkflowRun run = r.buildAndAssertSuccess(Pipelines.job(r, flow(registry)));

        r.assertLogContains("private tests ran next to the private service", run);
        r.assertLogContains("the step's credentials 'mine'", run);
    }

    @Test
    void withoutCredentialsTheBuildSaysWhereToConfigureThem(JenkinsRule r) throws Exception {
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, Pipelines.job(r, flow("")));

        r.assertLogContains(IMAGES.reference("base"), run);
        r.assertLogContains("add " + Registries.auth() + " to the registries under Manage Jenkins > System > Docker CI Steps", run);
    }

    @Test
    void aTestImageWithoutCredentialsFailsNamingImageAndRegistry(JenkinsRule r) throws Exception {
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, Pipelines.job(r,
                "node { dockerTest(image: '" + IMAGES.reference("tests") + "', command: 'true') }"));

        r.assertLogContains(IMAGES.reference("tests"), run);
        r.assertLogContains("none are configured for " + Registries.auth(), run);
    }

    @Test
    void rejectedCredentialsAreReportedAsSuch(JenkinsRule r) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(
                new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "wrong", null, "ci-user", "not-the-password"));
        DockerCiConfiguration.get().setRegistries(List.of(new RegistryEndpoint(Registries.auth(), "wrong")));

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, Pipelines.job(r,
                "node { dockerTest(image: '" + IMAGES.reference("tests") + "', command: 'true') }"));

        r.assertLogContains("rejected", run);
        r.assertLogContains("credentials 'wrong'", run);
        r.assertLogNotContains("not-the-password", run);
    }

    @Test
    void aFreestyleJobPullsPrivateImagesWithTheGlobalRegistryList(JenkinsRule r) throws Exception {
        Registries.addCredentials("registry-ci");
        DockerCiConfiguration.get().setRegistries(List.of(new RegistryEndpoint(Registries.auth(), "registry-ci")));
        FreeStyleProject project = r.createFreeStyleProject();
        project.getBuildersList().add(new Shell("printf 'FROM " + IMAGES.reference("base") + "\\nRUN echo private base pulled\\n' > Dockerfile"));
        project.getBuildersList().add(new BuildImageBuilder(new DockerBuildStep()));
        DockerTestStep test = new DockerTestStep();
        test.setImage(IMAGES.reference("tests"));
        test.setCommand("echo private tests ran");
        test.setServices(List.of(service()));
        project.getBuildersList().add(new TestInContainerBuilder(test));

        FreeStyleBuild build = r.buildAndAssertSuccess(project);

        r.assertLogContains("private tests ran", build);
        assertThat(JenkinsRule.getLog(build)).doesNotContain(Registries.password());
    }

    /** A Pipeline building FROM the private base and testing in the private test image next to the private service. */
    private static String flow(String registryArgument) {
        return """
                node {
                  writeFile file: 'Dockerfile', text: 'FROM %s\\nRUN echo private base pulled\\n'
                  dockerBuild(tags: ['%s']%s)
                  dockerTest(image: '%s', command: 'echo private tests ran next to the private service',
                             services: [[image: '%s', alias: 'svc', command: 'sleep 300', readiness: [command: 'true']]]%s)
                }
                """.formatted(IMAGES.reference("base"), JenkinsDocker.uniqueName("private") + ":1", registryArgument,
                IMAGES.reference("tests"), IMAGES.reference("service"), registryArgument);
    }

    private static ServiceParameters service() {
        ServiceParameters service = new ServiceParameters(IMAGES.reference("service"), "svc");
        service.setCommand("sleep 300");
        ReadinessParameters ready = new ReadinessParameters();
        ready.setCommand("true");
        service.setReadiness(ready);
        return service;
    }
}
