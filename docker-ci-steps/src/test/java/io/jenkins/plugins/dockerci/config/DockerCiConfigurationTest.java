package io.jenkins.plugins.dockerci.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.util.FormValidation;
import java.beans.Introspector;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;

class DockerCiConfigurationTest {

    /** The keys of {@code unclassified.dockerCi} in a JCasC YAML, with a value each that must round-trip. */
    private static final Map<String, Object> JCASC = Map.of(
            "dockerHostUri", "tcp://docker.example.com:2376",
            "dockerHostCredentialsId", "docker-tls",
            "registries", List.of(new RegistryEndpoint("https://registry.example.com", "reg"),
                    new RegistryEndpoint("127.0.0.1:5000", "")),
            "builtImagePolicy", BuiltImagePolicy.KEEP_PUSHED,
            "stopGracePeriodSeconds", 25,
            "reaperIntervalMinutes", 5,
            "reaperGraceMinutes", 120);

    @Test
    void hasTheJcascRootKeyDockerCi() {
        assertThat(DockerCiConfiguration.class.getAnnotation(Symbol.class).value()).containsExactly("dockerCi");
    }

    @Test
    void everyDataBindingSetterIsAJcascKeyAndRoundTripsThroughItsGetter() throws Exception {
        DockerCiConfiguration config = new DockerCiConfiguration();
        Map<String, Method> setters = new TreeMap<>();
        for (Method m : DockerCiConfiguration.class.getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class)) {
                setters.put(Introspector.decapitalize(m.getName().substring(3)), m);
            }
        }

        assertThat(setters.keySet()).containsExactlyInAnyOrderElementsOf(JCASC.keySet());
        for (Map.Entry<String, Method> setter : setters.entrySet()) {
            setter.getValue().invoke(config, JCASC.get(setter.getKey()));
        }
        for (String property : JCASC.keySet()) {
            Method getter = DockerCiConfiguration.class.getMethod("get" + Character.toUpperCase(property.charAt(0)) + property.substring(1));
            assertThat(getter.invoke(config)).as(property).isEqualTo(JCASC.get(property));
        }
    }

    @Test
    void startsWithSafeDefaults() {
        DockerCiConfiguration config = new DockerCiConfiguration();

        assertThat(config.getDockerHostUri()).isNull();
        assertThat(config.getDockerHostCredentialsId()).isNull();
        assertThat(config.getRegistries()).isEmpty();
        assertThat(config.getBuiltImagePolicy()).isEqualTo(BuiltImagePolicy.REMOVE);
        assertThat(config.getStopGracePeriodSeconds()).isEqualTo(10);
        assertThat(config.getReaperIntervalMinutes()).isEqualTo(10);
        assertThat(config.getReaperGraceMinutes()).isEqualTo(30);
    }

    @Test
    void blankValuesMeanTheDefault() {
        DockerCiConfiguration config = new DockerCiConfiguration();
        config.setDockerHostUri("unix:///var/run/docker.sock");
        config.setDockerHostUri("  ");
        config.setDockerHostCredentialsId("");
        config.setRegistries(null);
        config.setBuiltImagePolicy(null);

        assertThat(config.getDockerHostUri()).isNull();
        assertThat(config.getDockerHostCredentialsId()).isNull();
        assertThat(config.getRegistries()).isEmpty();
        assertThat(config.getBuiltImagePolicy()).isEqualTo(BuiltImagePolicy.REMOVE);
    }

    @Test
    void settersRejectBadValuesSayingWhatToChange() {
        DockerCiConfiguration config = new DockerCiConfiguration();

        assertThatThrownBy(() -> config.setDockerHostUri("docker.example.com:2375"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tcp://");
        assertThatThrownBy(() -> config.setStopGracePeriodSeconds(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from 0 to 3600");
        assertThatThrownBy(() -> config.setReaperIntervalMinutes(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from 1 to 1440");
        assertThatThrownBy(() -> config.setReaperGraceMinutes(20000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from 1 to 10080");
        assertThat(config.getStopGracePeriodSeconds()).isEqualTo(10);
    }

    @Test
    void theRegistryListIsACopyNobodyCanChangeBehindTheConfigurationsBack() {
        DockerCiConfiguration config = new DockerCiConfiguration();
        List<RegistryEndpoint> mine = new java.util.ArrayList<>(List.of(new RegistryEndpoint("r.example.com", "c")));
        config.setRegistries(mine);
        mine.clear();

        assertThat(config.getRegistries()).hasSize(1);
        assertThatThrownBy(() -> config.getRegistries().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void findsTheRegistryEntryWhateverTheSpellingOfItsUrl() {
        DockerCiConfiguration config = new DockerCiConfiguration();
        config.setRegistries(List.of(new RegistryEndpoint("https://Registry.Example.com/", "a"),
                new RegistryEndpoint("127.0.0.1:5001", "b")));

        assertThat(config.registryFor("registry.example.com:443")).map(RegistryEndpoint::getCredentialsId).contains("a");
        assertThat(config.registryFor("http://127.0.0.1:5001")).map(RegistryEndpoint::getCredentialsId).contains("b");
        assertThat(config.registryFor("127.0.0.1:5000")).isEmpty();
    }

    @Test
    void formChecksAgreeWithTheSetters() {
        assertThat(ConfigValidation.dockerHostUri("tcp://h:2376")).isEmpty();
        assertThat(ConfigValidation.dockerHostUri("")).isEmpty();
        assertThat(ConfigValidation.dockerHostUri("h:2376")).isPresent();
        assertThat(ConfigValidation.integerInRange("abc", "The thing", 1, 5)).get().asString()
                .contains("whole number from 1 to 5").contains("'abc'");
        assertThat(ConfigValidation.integerInRange(" 3 ", "The thing", 1, 5)).isEmpty();
        assertThat(ConfigValidation.dockerHostCredentials("unix:///var/run/docker.sock", "tls")).get().asString()
                .contains("tcp://");
        assertThat(ConfigValidation.dockerHostCredentials("tcp://h:2376", "tls")).isEmpty();
        assertThat(Stream.of(FormValidation.error("<b>x</b>")).map(FormValidation::getMessage)).containsExactly("&lt;b&gt;x&lt;/b&gt;");
    }
}
