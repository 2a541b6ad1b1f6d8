package io.jenkins.plugins.dockerci.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.slaves.EnvironmentVariablesNodeProperty;
import io.jenkins.plugins.dockerci.testsupport.JenkinsDocker;
import io.jenkins.plugins.dockerci.testsupport.Registries;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The Jenkinsfiles of the README, Declarative and scripted, run as written in a sandboxed Pipeline on the example
 * project: build, test against PostgreSQL and Redis, push to the registry that needs a login, clean up.
 *
 * <p>Only what cannot exist here is replaced: the public images by the locally made ones, {@code registry.example.com}
 * by the test registry, {@code junit} (the JUnit plugin is not installed here) by {@code archiveArtifacts} of the same
 * reports. The branch is {@code main} through a global {@code BRANCH_NAME}, so the push stage runs.
 */
@WithJenkins
class ReadmePipelineIT {

    @RegisterExtension
    static final JenkinsDocker DOCKER = new JenkinsDocker();

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    private final String repository = JenkinsDocker.uniqueName("readme") + "/notes";
    private final String localName = JenkinsDocker.uniqueName("notes");
    private JenkinsRule r;

    @BeforeEach
    void jenkins(JenkinsRule rule) throws Exception {
        r = rule;
        r.jenkins.setLabelString("docker");
        EnvironmentVariablesNodeProperty branch = new EnvironmentVariablesNodeProperty(
                new EnvironmentVariablesNodeProperty.Entry("BRANCH_NAME", "main"));
        r.jenkins.getGlobalNodeProperties().add(branch);
        Registries.addCredentials("registry-ci");
    }

    @AfterEach
    void forgetPushedImages() throws Exception {
        Registries.delete(repository, "1");
        Registries.delete(repository, "main");
    }

    @Test
    void theDeclarativeJenkinsfileRunsAsWritten() throws Exception {
        runAndCheck(jenkinsfile("declarative"));
    }

    @Test
    void theScriptedJenkinsfileRunsAsWritten() throws Exception {
        runAndCheck(jenkinsfile("scripted"));
    }

    private void runAndCheck(String script) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "notes");
        job.setDefinition(new CpsFlowDefinition(script, true));
        new FilePath(ROOT.resolve("examples/flask-postgres").toFile())
                .copyRecursiveTo("**/*", "docker-ci-reports/**", r.jenkins.getWorkspaceFor(job));

        WorkflowRun run = r.buildAndAssertSuccess(job);

        String log = JenkinsRule.getLog(run);
        String reference = Registries.auth() + "/" + repository + ":1";
        assertThat(log).contains("Service 'db' ready after").contains("Service 'cache' ready after")
                .containsPattern("\\d+ passed").contains("Cleanup of run ");
        Matcher deployed = Pattern.compile("deploy " + Pattern.quote(reference) + " @ (sha256:[0-9a-f]{64})").matcher(log);
        assertThat(deployed.find()).as("the push returned reference and digest:%n%s", log).isTrue();
        assertThat(Registries.digest(repository, "1")).contains(deployed.group(1));
        assertThat(Registries.digest(repository, "main")).contains(deployed.group(1));
        assertThat(new File(run.getArtifactsDir(), "docker-ci-reports/reports/junit.xml")).exists();
        assertThat(log).doesNotContain(Registries.password()).doesNotContain(Registries.basicToken());
        assertThat(buildFiles(run)).doesNotContain(Registries.password());
    }

    /** The README's Jenkinsfile with the given marker, with only what cannot exist here replaced. */
    private String jenkinsfile(String kind) throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        int marker = readme.indexOf("<!-- jenkinsfile:" + kind);
        assertThat(marker).as("README marker for the %s Jenkinsfile", kind).isNotNegative();
        int start = readme.indexOf("```groovy\n", marker) + "```groovy\n".length();
        String script = readme.substring(start, readme.indexOf("```\n", start));
        return script.replace("python:3.12-slim", "docker-ci-test/python:3")
                .replace("'postgres:16'", "'docker-ci-test/postgres:15'")
                .replace("'redis:7'", "'docker-ci-test/redis:7'")
                .replace("https://registry.example.com", "http://" + Registries.auth())
                .replace("registry.example.com/team/notes", Registries.auth() + "/" + repository)
                .replace("\"notes:${env.BUILD_NUMBER}\"", "\"" + localName + ":${env.BUILD_NUMBER}\"")
                .replace("junit 'docker-ci-reports/**/*.xml'", "archiveArtifacts 'docker-ci-reports/**/*.xml'");
    }

    private static String buildFiles(WorkflowRun run) throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.walk(run.getRootDir().toPath())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

}
