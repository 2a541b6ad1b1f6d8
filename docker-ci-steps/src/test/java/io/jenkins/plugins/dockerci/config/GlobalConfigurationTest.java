package io.jenkins.plugins.dockerci.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.Util;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jenkins.model.Jenkins;
import org.htmlunit.FailingHttpStatusCodeException;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.kohsuke.stapler.verb.POST;

/** The global configuration in a real Jenkins: its page, its permissions and Configuration as Code. */
@WithJenkins
class GlobalConfigurationTest {

    private static final Path README = Path.of(System.getProperty("user.dir")).getParent().resolve("README.md");

    @Test
    void theFormKeepsEverySettingThroughAConfigRoundtrip(JenkinsRule r) throws Exception {
        DockerCiConfiguration configuration = DockerCiConfiguration.get();
        configuration.setDockerHostUri("tcp://docker.example.com:2376");
        configuration.setRegistries(List.of(new RegistryEndpoint("https://registry.example.com", null),
                new RegistryEndpoint("127.0.0.1:5001", null)));
        configuration.setBuiltImagePolicy(BuiltImagePolicy.KEEP_PUSHED);
        configuration.setStopGracePeriodSeconds(3);
        configuration.setReaperIntervalMinutes(7);
        configuration.setReaperGraceMinutes(45);

        r.configRoundtrip();

        DockerCiConfiguration after = DockerCiConfiguration.get();
        assertThat(after.getDockerHostUri()).isEqualTo("tcp://docker.example.com:2376");
        assertThat(after.getRegistries()).extracting(RegistryEndpoint::getUrl)
                .containsExactly("https://registry.example.com", "127.0.0.1:5001");
        assertThat(after.getBuiltImagePolicy()).isEqualTo(BuiltImagePolicy.KEEP_PUSHED);
        assertThat(after.getStopGracePeriodSeconds()).isEqualTo(3);
        assertThat(after.getReaperIntervalMinutes()).isEqualTo(7);
        assertThat(after.getReaperGraceMinutes()).isEqualTo(45);
    }

    @Test
    void aRejectedSaveChangesNothing_W2(JenkinsRule r) throws Exception {
        DockerCiConfiguration.get().setRegistries(List.of(new RegistryEndpoint("https://registry.example.com", null)));
        DockerCiConfiguration.get().setReaperIntervalMinutes(7);
        JenkinsRule.WebClient wc = r.createWebClient();
        HtmlForm form = wc.goTo("configure").getFormByName("config");
        form.getInputByName("_.reaperIntervalMinutes").setValue("5");
        form.getInputByName("_.dockerHostUri").setValue("ftp://not-a-docker-host");

        assertThatThrownBy(() -> r.submit(form)).isInstanceOf(FailingHttpStatusCodeException.class);

        DockerCiConfiguration after = DockerCiConfiguration.get();
        assertThat(after.getRegistries()).extracting(RegistryEndpoint::getUrl).containsExactly("https://registry.example.com");
        assertThat(after.getReaperIntervalMinutes()).isEqualTo(7);
        assertThat(after.getDockerHostUri()).isNull();
    }

    @Test
    void aReaderGetsForbiddenFromEveryFormMethodAndTheSave(JenkinsRule r) throws Exception {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ).everywhere().to("reader"));
        JenkinsRule.WebClient reader = r.createWebClient().login("reader");
        reader.setThrowExceptionOnFailingStatusCode(false);
        List<String> urls = formMethodUrls(DockerCiConfiguration.class);
        assertThat(urls).hasSizeGreaterThanOrEqualTo(6);

        for (String url : urls) {
            WebRequest post = reader.addCrumb(new WebRequest(new URL(r.getURL(), url), HttpMethod.POST));
            assertThat(reader.getPage(post).getWebResponse().getStatusCode()).as(url).isEqualTo(403);
        }
        WebRequest save = reader.addCrumb(new WebRequest(new URL(r.getURL(), "configSubmit"), HttpMethod.POST));
        assertThat(reader.getPage(save).getWebResponse().getStatusCode()).isEqualTo(403);

        JenkinsRule.WebClient admin = r.createWebClient().login("admin");
        WebRequest check = admin.addCrumb(new WebRequest(new URL(r.getURL(),
                "descriptorByName/" + DockerCiConfiguration.class.getName() + "/checkDockerHostUri?value=ftp://x"), HttpMethod.POST));
        assertThat(admin.getPage(check).getWebResponse().getContentAsString()).contains("ftp://x");
    }

    @Test
    void theReadmeConfigurationAsCodeAppliesAndExports(JenkinsRule r, @TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("jenkins.yaml");
        Files.writeString(yaml, readmeYaml());

        ConfigurationAsCode.get().configure(yaml.toString());

        DockerCiConfiguration configuration = DockerCiConfiguration.get();
        assertThat(configuration.getDockerHostUri()).isEqualTo("tcp://docker.example.com:2376");
        assertThat(configuration.getDockerHostCredentialsId()).isEqualTo("docker-tls");
        assertThat(configuration.getRegistries()).singleElement().satisfies(registry -> {
            assertThat(registry.getUrl()).isEqualTo("https://registry.example.com");
            assertThat(registry.getCredentialsId()).isEqualTo("registry-ci");
        });
        assertThat(configuration.getBuiltImagePolicy()).isEqualTo(BuiltImagePolicy.KEEP_PUSHED);
        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        String exported = Util.toYamlString(Util.getUnclassifiedRoot(context).get("dockerCi"));
        assertThat(exported).contains("dockerHostUri: \"tcp://docker.example.com:2376\"")
                .contains("credentialsId: \"registry-ci\"").contains("builtImagePolicy: KEEP_PUSHED")
                .contains("reaperGraceMinutes: 30");
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        ConfigurationAsCode.get().export(all);
        assertThat(all.toString(StandardCharsets.UTF_8)).contains("dockerCi:");
    }

    @Test
    void configurationAsCodeRejectsABadValueNamingIt(JenkinsRule r, @TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("jenkins.yaml");
        Files.writeString(yaml, "unclassified:\n  dockerCi:\n    reaperIntervalMinutes: 0\n");

        assertThatThrownBy(() -> ConfigurationAsCode.get().configure(yaml.toString()))
                .hasStackTraceContaining("The reaper interval (minutes) must be from 1 to 1440, not 0");
        assertThat(DockerCiConfiguration.get().getReaperIntervalMinutes()).isEqualTo(DockerCiConfiguration.DEFAULT_REAPER_INTERVAL_MINUTES);
    }

    /** The {@code checkX}/{@code fillXItems} URLs of every form method of {@code type}. */
    static List<String> formMethodUrls(Class<?> type) {
        List<String> urls = new ArrayList<>();
        for (Method method : type.getMethods()) {
            String name = method.getName();
            if ((name.startsWith("doCheck") || name.startsWith("doFill")) && method.isAnnotationPresent(POST.class)) {
                String web = name.substring(2, 3).toLowerCase(Locale.ROOT) + name.substring(3);
                urls.add("descriptorByName/" + type.getName() + "/" + web);
            }
        }
        return urls;
    }

    private static String readmeYaml() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int marker = readme.indexOf("<!-- casc");
        int start = readme.indexOf("```yaml\n", marker) + "```yaml\n".length();
        return readme.substring(start, readme.indexOf("```\n", start));
    }

}
