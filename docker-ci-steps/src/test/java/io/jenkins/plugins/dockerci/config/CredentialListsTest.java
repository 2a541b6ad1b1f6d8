package io.jenkins.plugins.dockerci.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.FreeStyleProject;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import java.util.List;
import jenkins.model.Jenkins;
import jenkins.security.QueueItemAuthenticatorConfiguration;
import org.jenkinsci.plugins.docker.commons.credentials.DockerServerCredentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.MockQueueItemAuthenticator;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * What the credential drop-downs offer, with the real credentials store: only what a build can use. System-scoped
 * credentials are never offered (finding W3), and a job's list is what the job's own authentication sees (W12).
 */
@WithJenkins
class CredentialListsTest {

    private JenkinsRule r;

    @BeforeEach
    void credentials(JenkinsRule rule) throws Exception {
        r = rule;
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, hudson.model.Item.READ, hudson.model.Item.CONFIGURE, hudson.model.Item.EXTENDED_READ)
                .everywhere().to("alice"));
        SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
        store.getCredentials().add(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "global-login", null, "u", "p"));
        store.getCredentials().add(new UsernamePasswordCredentialsImpl(CredentialsScope.SYSTEM, "system-login", null, "u", "p"));
        store.getCredentials().add(new DockerServerCredentials(CredentialsScope.GLOBAL, "global-tls", null, Secret.fromString("key"), "cert", "ca"));
        store.getCredentials().add(new DockerServerCredentials(CredentialsScope.SYSTEM, "system-tls", null, Secret.fromString("key"), "cert", "ca"));
        store.save();
    }

    @Test
    void theGlobalPagesOfferOnlyCredentialsBuildsCanUse_W3() {
        try (ACLContext ignored = ACL.as(User.getById("admin", true))) {
            assertThat(ids(registries().doFillCredentialsIdItems(null, "https://registry.example.com", null)))
                    .contains("global-login").doesNotContain("system-login");
            assertThat(ids(DockerCiConfiguration.get().doFillDockerHostCredentialsIdItems("tcp://docker.example.com:2376", null)))
                    .contains("global-tls").doesNotContain("system-tls");
        }
    }

    @Test
    void aJobListsWhatItsOwnAuthenticationSees_W12() throws Exception {
        FreeStyleProject job = r.createFreeStyleProject("as-alice");
        try (ACLContext ignored = ACL.as(User.getById("admin", true))) {
            assertThat(ids(registries().doFillCredentialsIdItems(job, "https://registry.example.com", null)))
                    .as("a job that runs as the system sees the global store").contains("global-login");
        }
        QueueItemAuthenticatorConfiguration.get().getAuthenticators()
                .add(new MockQueueItemAuthenticator().authenticate(job.getFullName(), User.getById("alice", true).impersonate2()));

        try (ACLContext ignored = ACL.as(User.getById("admin", true))) {
            assertThat(ids(registries().doFillCredentialsIdItems(job, "https://registry.example.com", null)))
                    .as("a job that runs as alice sees only what alice may use").doesNotContain("global-login", "system-login");
        }
    }

    @Test
    void someoneWhoMayNotSeeTheListGetsOnlyTheCurrentValue() throws Exception {
        FreeStyleProject job = r.createFreeStyleProject("hidden");
        try (ACLContext ignored = ACL.as(User.getById("nobody", true))) {
            assertThat(ids(registries().doFillCredentialsIdItems(job, "https://registry.example.com", "global-login")))
                    .containsExactly("global-login");
        }
    }

    private static RegistryEndpoint.DescriptorImpl registries() {
        return Jenkins.get().getDescriptorByType(RegistryEndpoint.DescriptorImpl.class);
    }

    private static List<String> ids(ListBoxModel model) {
        return model.stream().map(option -> option.value).filter(value -> !value.isEmpty()).toList();
    }
}
