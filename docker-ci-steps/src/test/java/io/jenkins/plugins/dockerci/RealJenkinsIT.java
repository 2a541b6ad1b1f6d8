package io.jenkins.plugins.dockerci;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import hudson.PluginManager;
import hudson.PluginWrapper;
import io.jenkins.plugins.dockerci.engine.docker.DockerClients;
import io.jenkins.plugins.dockerci.engine.testsupport.OwnerResources;
import io.jenkins.plugins.dockerci.engine.testsupport.TestEnvironment;
import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import io.jenkins.plugins.dockerci.identity.JenkinsIdentity;
import java.util.Map;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.RealJenkinsExtension;

/**
 * Jenkins' war in its own JVM with every plugin installed as in production, one class loader per plugin: the engine's
 * libraries come from their library plugins, and a Pipeline builds and tests an image there against the real engine.
 */
class RealJenkinsIT {

    /** Library classes the engine runs on, and the plugin that provides each. */
    private static final Map<String, String> LIBRARY_CLASSES = Map.of(
            "com.github.dockerjava.core.DockerClientImpl", "docker-java-api",
            "com.github.dockerjava.httpclient5.ApacheDockerHttpClient", "docker-java-api",
            "com.fasterxml.jackson.databind.ObjectMapper", "jackson2-api",
            "org.apache.hc.client5.http.impl.classic.HttpClients", "apache-httpcomponents-client-5-api",
            "org.apache.commons.compress.archivers.tar.TarArchiveOutputStream", "commons-compress-api");

    @RegisterExtension
    private final RealJenkinsExtension rr = new RealJenkinsExtension();

    @Test
    void theEngineRunsOnTheLibraryPluginsClasses() throws Throwable {
        rr.then(RealJenkinsIT::check);
    }

    private static void check(JenkinsRule r) throws Throwable {
        PluginManager plugins = r.jenkins.getPluginManager();
        PluginWrapper self = plugins.getPlugin("docker-ci-steps");
        for (Map.Entry<String, String> library : LIBRARY_CLASSES.entrySet()) {
            PluginWrapper from = plugins.whichPlugin(self.classLoader.loadClass(library.getKey()));
            assertThat(from).as(library.getKey()).isNotNull();
            assertThat(from.getShortName()).as(library.getKey()).isEqualTo(library.getValue());
        }
        WorkflowJob job = r.createProject(WorkflowJob.class, "real");
        job.setDefinition(new CpsFlowDefinition("node {\n"
                + "  writeFile file: 'Dockerfile', text: 'FROM " + TestImages.BUSYBOX + "\\nRUN echo real > /real\\n'\n"
                + "  def image = dockerBuild()\n"
                + "  dockerTest(image: image.id, command: 'cat /real')\n"
                + "}", true));
        WorkflowRun run = r.buildAndAssertSuccess(job);
        r.assertLogContains("real", run);
        r.assertLogContains("Cleanup of run ", run);
        // this Jenkins runs in its own JVM, out of JenkinsDocker's reach: the same leak check, here
        try (DockerClient docker = DockerClients.connect(TestEnvironment.current().dockerEndpoint())) {
            OwnerResources left = new OwnerResources(docker, JenkinsIdentity.ownerId());
            left.removeCache();
            assertThat(left.leftovers()).as("labelled resources left").isEmpty();
        }
    }
}
