package io.jenkins.plugins.dockerci.testsupport;

import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jvnet.hudson.test.JenkinsRule;

/** Sandboxed Pipeline jobs for the tests, and the scripts they share. */
public final class Pipelines {

    /** A busybox web server as a service: answers on port 8080 with "hello from busybox httpd". */
    public static final String WEB_SERVICE = "[image: '" + TestImages.BUSYBOX + "', alias: 'web', ports: [8080],"
            + " command: 'httpd -f -p 8080 -h /var/www', readiness: [port: 8080]]";

    private Pipelines() {
    }

    /** A new Pipeline job running {@code script} in the Groovy sandbox, as a user without script approval would. */
    public static WorkflowJob job(JenkinsRule r, String script) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    /** A {@code writeFile} of a one-line Dockerfile {@code FROM busybox} plus {@code instructions}. */
    public static String dockerfile(String instructions) {
        return "writeFile file: 'Dockerfile', text: '''FROM " + TestImages.BUSYBOX + "\n" + instructions + "\n'''\n";
    }
}
