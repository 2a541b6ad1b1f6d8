package io.jenkins.plugins.dockerci.freestyle;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.tasks.Shell;
import io.jenkins.plugins.dockerci.action.BuildSummaryAction;
import io.jenkins.plugins.dockerci.action.TestRecord;
import io.jenkins.plugins.dockerci.cleanup.DockerCleanupPublisher;
import io.jenkins.plugins.dockerci.config.DockerCiConfiguration;
import io.jenkins.plugins.dockerci.config.RegistryEndpoint;
import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import io.jenkins.plugins.dockerci.steps.DockerBuildStep;
import io.jenkins.plugins.dockerci.steps.DockerPushStep;
import io.jenkins.plugins.dockerci.steps.DockerTestStep;
import io.jenkins.plugins.dockerci.steps.NameValue;
import io.jenkins.plugins.dockerci.steps.ReadinessParameters;
import io.jenkins.plugins.dockerci.steps.ServiceParameters;
import io.jenkins.plugins.dockerci.testsupport.JenkinsDocker;
import io.jenkins.plugins.dockerci.testsupport.Registries;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Freestyle jobs as a user configures them, in a real Jenkins against the real engine and registries: build an image,
 * test it with a PostgreSQL service reached through templates, push it to the registry that needs a login (the
 * credential comes from the real credentials store through the global registry list), clean up in the post-build
 * action.
 */
@WithJenkins
class FreestyleIT {

    @RegisterExtension
    static final JenkinsDocker DOCKER = new JenkinsDocker();

    private static final String CHECK_SCRIPT = """
            set -e
            psql "$DATABASE_URL" -tAc 'select 40 + 2' > /tmp/answer
            echo "tests: the database answered $(cat /tmp/answer)"
            mkdir -p /tmp/reports && echo '<testsuite tests="1"/>' > /tmp/reports/TEST-db.xml
            exit "${TEST_EXIT:-0}"
            """;

    private final String repository = JenkinsDocker.uniqueName("freestyle") + "/app";
    private JenkinsRule r;

    @BeforeEach
    void registry(JenkinsRule rule) throws Exception {
        r = rule;
        Registries.addCredentials("registry-login");
        DockerCiConfiguration.get().setRegistries(List.of(new RegistryEndpoint("http://" + Registries.auth(), "registry-login")));
    }

    @AfterEach
    void forgetPushedImages() throws Exception {
        Registries.delete(repository, "1");
    }

    @Test
    void aJobConfiguredOnItsPageBuildsTestsPushesAndCleansUp() throws Exception {
        FreeStyleProject project = r.createFreeStyleProject("app");
        project.getBuildersList().add(workspaceFiles());
        project.getBuildersList().add(new BuildImageBuilder(new DockerBuildStep()));
        project.getBuildersList().add(new TestInContainerBuilder(new DockerTestStep()));
        project.getBuildersList().add(new PushImageBuilder(new DockerPushStep(List.of())));
        project.getPublishersList().add(new DockerCleanupPublisher());

        JenkinsRule.WebClient wc = r.createWebClient();
        HtmlPage page = wc.getPage(project, "configure");
        HtmlForm form = page.getFormByName("config");
        textareas(form, "_.tags").get(0).setText(JenkinsDocker.uniqueName("local") + ":${BUILD_NUMBER}");
        textarea(form, "_.command").setText("sh /check.sh");
        textarea(form, "_.env").setText("DATABASE_URL=postgresql://postgres@${db.host}:${db.port.5432}/postgres");
        textarea(form, "_.reports").setText("/tmp/reports");
        textareas(form, "_.tags").get(1).setText(Registries.auth() + "/" + repository + ":${BUILD_NUMBER}");
        r.submit(form);

        TestInContainerBuilder test = project.getBuildersList().get(TestInContainerBuilder.class);
        assertThat(test.getParameters().getEnv()).containsExactly(
                new NameValue("DATABASE_URL", "postgresql://postgres@${db.host}:${db.port.5432}/postgres"));
        test.getParameters().setServices(List.of(postgres()));
        r.configRoundtrip(project);
        assertThat(project.getBuildersList().get(TestInContainerBuilder.class).getParameters().getServices())
                .singleElement().satisfies(db -> {
                    assertThat(db.getImage()).isEqualTo(TestImages.POSTGRES);
                    assertThat(db.getReadiness().getLog()).isEqualTo("database system is ready to accept connections");
                });

        FreeStyleBuild build = r.buildAndAssertSuccess(project);

        String log = JenkinsRule.getLog(build);
        assertThat(log).contains("DOCKER_CI_IMAGE=sha256:").contains("Service 'db' ready after")
                .contains("tests: the database answered 42").containsPattern("Cleanup of run app-1-\\w+: \\d+ removed");
        assertThat(new File(build.getWorkspace().getRemote(), "docker-ci-reports/reports/TEST-db.xml")).exists();
        BuildSummaryAction summary = build.getAction(BuildSummaryAction.class);
        assertThat(summary.getPushes()).singleElement().satisfies(pushed -> assertThat(Registries.digest(repository, "1"))
                .contains(pushed.getDigest()));
        assertThat(summary.getCleanups()).as("the post-build action records its cleanup once").hasSize(1);
        String summaryPage = wc.getPage(build, "docker-ci").asNormalizedText();
        assertThat(summaryPage).contains("Tests in").contains("passed").contains(repository + ":1").contains("removed");
        assertThat(wc.getPage(build).asNormalizedText()).contains("Pushed");
        assertThat(log).doesNotContain(Registries.password()).doesNotContain(Registries.basicToken());
        assertThat(Files.readString(new File(build.getRootDir(), "build.xml").toPath(), StandardCharsets.UTF_8))
                .doesNotContain(Registries.password());
    }

    @Test
    void failingTestsFailTheBuildSkipThePushAndStillCleanUp() throws Exception {
        FreeStyleProject project = flow("3", false);

        FreeStyleBuild build = r.buildAndAssertStatus(Result.FAILURE, project);

        r.assertLogContains("tests: the database answered 42", build);
        r.assertLogContains("dockerTest: the tests failed with exit code 3", build);
        r.assertLogContains("Cleanup of run ", build);
        assertThat(new File(build.getWorkspace().getRemote(), "docker-ci-reports/reports/TEST-db.xml"))
                .as("reports are copied when the tests fail too").exists();
        assertThat(build.getAction(BuildSummaryAction.class).getPushes()).isEmpty();
    }

    @Test
    void failingTestsCanMakeTheBuildUnstableInstead() throws Exception {
        FreeStyleProject project = flow("1", true);

        FreeStyleBuild build = r.buildAndAssertStatus(Result.UNSTABLE, project);

        r.assertLogContains("dockerTest: the tests failed with exit code 1; the build is UNSTABLE", build);
        assertThat(build.getAction(BuildSummaryAction.class).getTests()).extracting(TestRecord::getExitCode).containsExactly(1);
    }

    @Test
    void anAbortedBuildIsCleanedUp() throws Exception {
        FreeStyleProject project = r.createFreeStyleProject("slow");
        DockerTestStep test = new DockerTestStep();
        test.setImage(TestImages.BUSYBOX);
        test.setCommand("echo tests-started; sleep 300");
        test.setServices(List.of(postgres()));
        project.getBuildersList().add(new TestInContainerBuilder(test));
        FreeStyleBuild build = project.scheduleBuild2(0).waitForStart();
        r.waitForMessage("tests-started", build);

        build.doStop();

        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(build));
        r.assertLogContains("Cleanup of run ", build);
    }

    private FreeStyleProject flow(String testExit, boolean unstable) throws Exception {
        FreeStyleProject project = r.createFreeStyleProject("app");
        project.getBuildersList().add(workspaceFiles());
        DockerBuildStep build = new DockerBuildStep();
        build.setTags(List.of(JenkinsDocker.uniqueName("local") + ":${BUILD_NUMBER}"));
        project.getBuildersList().add(new BuildImageBuilder(build));
        DockerTestStep test = new DockerTestStep();
        test.setCommand("sh /check.sh");
        test.setEnv(List.of(new NameValue("DATABASE_URL", "postgresql://postgres@${db.host}:${db.port.5432}/postgres"),
                new NameValue("TEST_EXIT", testExit)));
        test.setServices(List.of(postgres()));
        test.setReports(List.of("/tmp/reports"));
        test.setUnstableOnFailure(unstable);
        project.getBuildersList().add(new TestInContainerBuilder(test));
        project.getBuildersList().add(new PushImageBuilder(new DockerPushStep(List.of(Registries.auth() + "/" + repository + ":1"))));
        project.getPublishersList().add(new DockerCleanupPublisher());
        return project;
    }

    private static Shell workspaceFiles() {
        return new Shell("printf 'FROM " + TestImages.POSTGRES + "\\nCOPY check.sh /check.sh\\n' > Dockerfile\n"
                + "cat > check.sh <<'EOF'\n" + CHECK_SCRIPT + "EOF\n");
    }

    private static ServiceParameters postgres() {
        ServiceParameters db = new ServiceParameters(TestImages.POSTGRES, "db");
        ReadinessParameters ready = new ReadinessParameters();
        ready.setLog("database system is ready to accept connections");
        db.setReadiness(ready);
        return db;
    }

    private static HtmlTextArea textarea(HtmlForm form, String name) {
        return textareas(form, name).get(0);
    }

    private static List<HtmlTextArea> textareas(HtmlForm form, String name) {
        return form.getTextAreasByName(name);
    }
}
