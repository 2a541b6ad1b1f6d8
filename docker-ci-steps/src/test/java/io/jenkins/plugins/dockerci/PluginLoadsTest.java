package io.jenkins.plugins.dockerci;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.ExtensionList;
import hudson.PluginManager;
import hudson.PluginWrapper;
import hudson.model.PeriodicWork;
import hudson.model.listeners.RunListener;
import hudson.tasks.Publisher;
import io.jenkins.plugins.dockerci.cleanup.OrphanReaperWork;
import io.jenkins.plugins.dockerci.config.DockerCiConfiguration;
import java.util.List;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.structs.SymbolLookup;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The plugin and the plugins it needs load in Jenkins 2.541.3, and Jenkins' own lookups find what it contributes. */
@WithJenkins
class PluginLoadsTest {

    @Test
    void loadsWithEveryPluginItNeedsAndNoneFailed(JenkinsRule r) {
        PluginManager plugins = r.jenkins.getPluginManager();
        assertThat(Jenkins.VERSION).isEqualTo("2.541.3");
        PluginWrapper self = plugins.getPlugin("docker-ci-steps");
        assertThat(self).isNotNull();
        assertThat(self.isActive()).isTrue();
        assertThat(self.getDependencies()).extracting(d -> d.shortName).containsExactlyInAnyOrder("structs", "credentials",
                "plain-credentials", "docker-commons", "workflow-step-api", "workflow-api", "docker-java-api", "jackson2-api",
                "apache-httpcomponents-client-5-api", "commons-compress-api", "commons-lang3-api");
        assertThat(plugins.getFailedPlugins()).extracting(f -> f.name + ": " + f.cause).isEmpty();
    }

    @Test
    void jenkinsFindsEveryStepByItsFunctionName(JenkinsRule r) {
        for (String function : List.of("dockerBuild", "dockerTest", "dockerPush", "dockerCleanup", "dockerServices")) {
            StepDescriptor step = StepDescriptor.byFunctionName(function);
            assertThat(step).as(function).isNotNull();
            assertThat(step.getClass().getName()).startsWith("io.jenkins.plugins.dockerci.");
        }
        assertThat(StepDescriptor.byFunctionName("dockerServices").takesImplicitBlockArgument()).isTrue();
    }

    @Test
    void symbolsAndExtensionsComeFromTheGeneratedIndexes(JenkinsRule r) {
        assertThat(SymbolLookup.get().findDescriptor(Publisher.class, "dockerCleanupPublisher")).isNotNull();
        assertThat(SymbolLookup.get().find(GlobalConfiguration.class, "dockerCi")).isInstanceOf(DockerCiConfiguration.class);
        assertThat(ExtensionList.lookupSingleton(DockerCiConfiguration.class)).isSameAs(DockerCiConfiguration.get());
        assertThat(ExtensionList.lookup(PeriodicWork.class).get(OrphanReaperWork.class)).isNotNull();
        assertThat(ExtensionList.lookup(RunListener.class)).anyMatch(l -> l.getClass().getName().startsWith("io.jenkins.plugins.dockerci."));
    }
}
