package io.jenkins.plugins.dockerci.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import io.jenkins.plugins.dockerci.steps.DockerBuildStep;
import io.jenkins.plugins.dockerci.steps.DockerCleanupStep;
import io.jenkins.plugins.dockerci.steps.DockerPushStep;
import io.jenkins.plugins.dockerci.steps.DockerServicesStep;
import io.jenkins.plugins.dockerci.steps.DockerTestStep;
import io.jenkins.plugins.dockerci.testsupport.JenkinsDocker;
import io.jenkins.plugins.dockerci.testsupport.Pipelines;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.util.NameValuePair;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Every step through the Snippet Generator as a user drives it: its form (the JSON the page submits, lists and maps as
 * the text fields hold them) becomes a snippet, and that snippet runs in a sandboxed Pipeline against the real engine.
 */
@WithJenkins
class SnippetGeneratorIT {

    @RegisterExtension
    static final JenkinsDocker DOCKER = new JenkinsDocker();

    @Test
    void everyStepsFormBecomesASnippetThatRuns(JenkinsRule r) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "snippets");
        String local = JenkinsDocker.uniqueName("snippet") + ":1";
        String pushed = "127.0.0.1:5000/" + JenkinsDocker.uniqueName("snippet") + ":1";

        String build = snippet(r, job, form(DockerBuildStep.class).element("tags", local + "\n")
                .element("buildArgs", "GREETING=hello\nEMPTY=").element("labels", "com.example.team=ci")
                .element("noCache", true).element("timeout", "5m"));
        String test = snippet(r, job, form(DockerTestStep.class).element("image", local)
                .element("command", "echo \"$GREETING $DB\"").element("env", "GREETING=${web.host}\nDB=${web.port.8080}")
                .element("services", new JSONArray().element(service()))
                .element("returnStatus", true).element("reports", "/etc/hostname"));
        String push = snippet(r, job, form(DockerPushStep.class).element("tags", pushed).element("image", local)
                .element("retries", "2"));
        String services = snippet(r, job, form(DockerServicesStep.class).element("services", new JSONArray().element(service()))
                .element("env", "SITE=http://${web.host}:${web.port.8080}/"));
        String cleanup = snippet(r, job, form(DockerCleanupStep.class).element("builtImagePolicy", "REMOVE"));

        assertThat(build).startsWith("dockerBuild").contains("tags: ['" + local + "']")
                .contains("buildArgs: [GREETING: 'hello', EMPTY: '']").contains("labels: [[name: 'com.example.team', value: 'ci']]");
        assertThat(test).startsWith("dockerTest").contains("env: [GREETING: '${web.host}', DB: '${web.port.8080}']")
                .contains("readiness: [port: 8080]").contains("ports: [8080]").contains("returnStatus: true");
        assertThat(services).startsWith("dockerServices").contains("{\n");
        assertThat(cleanup).isEqualTo("dockerCleanup builtImagePolicy: 'REMOVE'");

        job.setDefinition(new CpsFlowDefinition("node {\n"
                + Pipelines.dockerfile("ARG GREETING\nRUN echo \"$GREETING\" > /greeting")
                + build + "\n"
                + test + "\n"
                + push + "\n"
                + services.replace("// some block", "sh 'curl -fsS \"$SITE\"'") + "\n"
                + cleanup + "\n}", true));
        WorkflowRun run = r.buildAndAssertSuccess(job);

        r.assertLogContains("Successfully tagged " + local, run);
        r.assertLogContains("web 8080", run);
        r.assertLogContains(pushed, run);
        r.assertLogContains("hello from busybox httpd", run);
    }

    private static JSONObject service() {
        return new JSONObject().element("image", TestImages.BUSYBOX).element("alias", "web")
                .element("command", "httpd -f -p 8080 -h /var/www").element("ports", "8080")
                .element("readiness", new JSONObject().element("port", "8080").element("times", "1"));
    }

    private static JSONObject form(Class<?> step) {
        return new JSONObject().element("stapler-class", step.getName()).element("$class", step.getName());
    }

    /** What the Snippet Generator page answers for this form. */
    private static String snippet(JenkinsRule r, WorkflowJob job, JSONObject form) throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient();
        WebRequest request = new WebRequest(new URL(r.getURL(), job.getUrl() + "pipeline-syntax/generateSnippet"), HttpMethod.POST);
        request.setRequestParameters(new ArrayList<>(List.of(new NameValuePair("json", form.toString()))));
        String answer = wc.getPage(wc.addCrumb(request)).getWebResponse().getContentAsString();
        assertThat(answer).as("snippet for %s", form.getString("stapler-class")).doesNotContain("Exception").doesNotContain("<");
        return answer.strip();
    }

}
