package io.jenkins.plugins.dockerci.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.FreeStyleProject;
import hudson.model.Items;
import hudson.tasks.Builder;
import io.jenkins.plugins.dockerci.cleanup.DockerCleanupPublisher;
import io.jenkins.plugins.dockerci.config.BuiltImagePolicy;
import io.jenkins.plugins.dockerci.config.DockerCiConfiguration;
import io.jenkins.plugins.dockerci.config.RegistryEndpoint;
import io.jenkins.plugins.dockerci.engine.build.BuilderChoice;
import io.jenkins.plugins.dockerci.engine.registry.PullPolicy;
import io.jenkins.plugins.dockerci.freestyle.BuildImageBuilder;
import io.jenkins.plugins.dockerci.freestyle.CleanupBuilder;
import io.jenkins.plugins.dockerci.freestyle.PushImageBuilder;
import io.jenkins.plugins.dockerci.freestyle.TestInContainerBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.structs.SymbolLookup;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.structs.describable.DescribableParameter;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The one parameter model of the steps, in a real Jenkins: the README's Jenkinsfile syntax binds through structs'
 * {@code DescribableModel} as Pipeline binds it, the Snippet Generator writes it back in the same syntax, the freestyle
 * forms round-trip, and every parameter is typed, documented and named once.
 */
@WithJenkins
class StepModelTest {

    /** Every Describable whose parameters people write. */
    private static final List<Class<? extends Describable<?>>> MODELS = List.of(DockerBuildStep.class, DockerTestStep.class,
            DockerPushStep.class, DockerCleanupStep.class, DockerServicesStep.class, ServiceParameters.class,
            ReadinessParameters.class, RegistryEndpoint.class, BuildSecretParameters.class, DockerCleanupPublisher.class);

    @Test
    void theReadmeSyntaxBindsToTypedParameters(JenkinsRule r) throws Exception {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("image", "sha256:0123456789ab");
        arguments.put("command", "python3 -m pytest tests");
        arguments.put("services", List.of(
                Map.of("image", "postgres:16", "alias", "db", "env", Map.of("POSTGRES_PASSWORD", "example"),
                        "readiness", Map.of("command", "pg_isready -h 127.0.0.1 -U postgres")),
                Map.of("image", "redis:7", "alias", "cache", "readiness", Map.of("port", 6379), "pull", "always",
                        "command", List.of("redis-server", "--save", ""))));
        arguments.put("env", Map.of("DATABASE_URL", "postgresql://postgres:example@${db.host}:${db.port.5432}/postgres"));
        arguments.put("reports", List.of("/app/reports"));

        DockerTestStep test = (DockerTestStep) StepDescriptor.byFunctionName("dockerTest").newInstance(arguments);

        assertThat(test.getEnv()).containsExactly(
                new NameValue("DATABASE_URL", "postgresql://postgres:example@${db.host}:${db.port.5432}/postgres"));
        assertThat(test.getServices()).hasSize(2);
        ServiceParameters db = test.getServices().get(0);
        assertThat(db.getEnv()).containsExactly(new NameValue("POSTGRES_PASSWORD", "example"));
        assertThat(db.getReadiness().getCommand()).isEqualTo("pg_isready -h 127.0.0.1 -U postgres");
        ServiceParameters cache = test.getServices().get(1);
        assertThat(cache.getReadiness().getPort()).isEqualTo(6379);
        assertThat(cache.getPull()).isEqualTo(PullPolicy.ALWAYS);
        assertThat(cache.getCmd()).containsExactly("redis-server", "--save", "");
        assertThat(test.getReports()).containsExactly("/app/reports");

        DockerBuildStep build = (DockerBuildStep) StepDescriptor.byFunctionName("dockerBuild").newInstance(
                Map.of("tags", List.of("notes:1"), "buildArgs", Map.of("BASE_IMAGE", "python:3.12-slim"), "builder", "buildkit",
                        "secrets", List.of(Map.of("id", "pip_token", "credentialsId", "pypi-token"))));
        assertThat(build.getBuildArgs()).containsExactly(new NameValue("BASE_IMAGE", "python:3.12-slim"));
        assertThat(build.getBuilder()).isEqualTo(BuilderChoice.BUILDKIT);
        assertThat(build.getSecrets()).singleElement().satisfies(secret -> {
            assertThat(secret.getId()).isEqualTo("pip_token");
            assertThat(secret.getCredentialsId()).isEqualTo("pypi-token");
        });

        DockerPushStep push = (DockerPushStep) StepDescriptor.byFunctionName("dockerPush").newInstance(Map.of(
                "image", "sha256:0123456789ab", "tags", List.of("registry.example.com/team/notes:1"),
                "registry", Map.of("url", "https://registry.example.com", "credentialsId", "registry-ci")));
        assertThat(push.getRegistry().getCredentialsId()).isEqualTo("registry-ci");
    }

    @Test
    void theSnippetGeneratorWritesTheSameSyntax(JenkinsRule r) {
        DockerTestStep test = new DockerTestStep();
        test.setCommand("make test");
        test.setEnv(List.of(new NameValue("URL", "http://${web.host}:${web.port.8080}/")));
        ServiceParameters web = new ServiceParameters("nginx:1", "web");
        web.setPorts(List.of(8080));
        web.setPull(PullPolicy.NEVER);
        ReadinessParameters ready = new ReadinessParameters();
        ready.setPort(8080);
        web.setReadiness(ready);
        test.setServices(List.of(web));
        DockerCleanupStep cleanup = new DockerCleanupStep();
        cleanup.setBuiltImagePolicy(BuiltImagePolicy.KEEP_PUSHED);
        DockerBuildStep build = new DockerBuildStep();
        build.setBuilder(BuilderChoice.CLASSIC);
        build.setSecrets(List.of(new BuildSecretParameters("npm_token", "npm-token")));

        assertThat(Snippetizer.object2Groovy(build)).isEqualTo("dockerBuild builder: 'classic', secrets: [[credentialsId: 'npm-token',"
                + " id: 'npm_token']]");
        assertThat(Snippetizer.object2Groovy(test)).isEqualTo("dockerTest command: 'make test', env: [URL: 'http://${web.host}:"
                + "${web.port.8080}/'], services: [[alias: 'web', image: 'nginx:1', ports: [8080], pull: 'never', readiness: "
                + "[port: 8080]]]");
        assertThat(Snippetizer.object2Groovy(cleanup)).isEqualTo("dockerCleanup builtImagePolicy: 'KEEP_PUSHED'");
    }

    @Test
    void theFreestyleFormsRoundTrip(JenkinsRule r) throws Exception {
        DockerBuildStep build = new DockerBuildStep();
        build.setTags(List.of("app:${BUILD_NUMBER}", "registry.example.com/app:1"));
        build.setBuildArgs(List.of(new NameValue("VERSION", "1.2"), new NameValue("EMPTY", "")));
        build.setRegistry(new RegistryEndpoint("registry.example.com", null));
        build.setTimeout("20m");
        build.setBuilder(BuilderChoice.BUILDKIT);
        build.setPlatform("linux/amd64");
        build.setSecrets(List.of(new BuildSecretParameters("npm_token", "npm-token"), new BuildSecretParameters("netrc", "netrc-file")));
        DockerTestStep test = new DockerTestStep();
        test.setCommand("make test");
        test.setCmd(List.of("pytest", "-q"));
        test.setEnv(List.of(new NameValue("A", "b=c")));
        test.setPull(PullPolicy.ALWAYS);
        test.setUnstableOnFailure(true);
        ServiceParameters db = new ServiceParameters("postgres:16", "db");
        db.setPorts(List.of(5432, 5433));
        db.setDependsOn(List.of("cache"));
        ReadinessParameters ready = new ReadinessParameters();
        ready.setLog("ready to accept connections");
        ready.setTimes(2);
        db.setReadiness(ready);
        test.setServices(List.of(db));
        DockerPushStep push = new DockerPushStep(List.of("registry.example.com/app:1"));
        push.setRetries(5);
        DockerCleanupStep cleanup = new DockerCleanupStep();
        cleanup.setBuiltImagePolicy(BuiltImagePolicy.KEEP);
        DockerCleanupPublisher publisher = new DockerCleanupPublisher();
        publisher.setBuiltImagePolicy(BuiltImagePolicy.KEEP_PUSHED);
        List<Builder> builders = List.of(new BuildImageBuilder(build), new TestInContainerBuilder(test),
                new PushImageBuilder(push), new CleanupBuilder(cleanup));
        FreeStyleProject project = r.createFreeStyleProject();
        project.getBuildersList().addAll(builders);
        project.getPublishersList().add(publisher);

        r.configRoundtrip(project);

        for (int i = 0; i < builders.size(); i++) {
            r.assertEqualDataBoundBeans(builders.get(i), project.getBuildersList().get(i));
        }
        r.assertEqualDataBoundBeans(publisher, project.getPublishersList().get(DockerCleanupPublisher.class));
    }

    @Test
    void aJobConfigurationWithoutNewerParametersLoadsWithTheirDefaults(JenkinsRule r) {
        DockerBuildStep build = (DockerBuildStep) Items.XSTREAM2.fromXML("<io.jenkins.plugins.dockerci.steps.DockerBuildStep/>");
        DockerTestStep test = (DockerTestStep) Items.XSTREAM2.fromXML("<io.jenkins.plugins.dockerci.steps.DockerTestStep>"
                + "<services><io.jenkins.plugins.dockerci.steps.ServiceParameters><image>postgres:16</image><alias>db</alias>"
                + "</io.jenkins.plugins.dockerci.steps.ServiceParameters></services></io.jenkins.plugins.dockerci.steps.DockerTestStep>");

        assertThat(build.getContext()).isEqualTo(".");
        assertThat(List.of(build.getTags(), build.getBuildArgs(), build.getLabels(), build.getCacheFrom(), build.getSecrets()))
                .allSatisfy(list -> assertThat(list).isEmpty());
        assertThat(List.of(test.getCmd(), test.getEntrypoint(), test.getEnv(), test.getReports())).allSatisfy(list -> assertThat(list).isEmpty());
        ServiceParameters db = test.getServices().get(0);
        assertThat(List.of(db.getAliases(), db.getEnv(), db.getCmd(), db.getPorts(), db.getDependsOn()))
                .allSatisfy(list -> assertThat(list).isEmpty());
    }

    @Test
    void everyParameterIsTypedAndDocumented(JenkinsRule r) {
        List<String> problems = new ArrayList<>();
        for (Class<? extends Describable<?>> model : MODELS) {
            Descriptor<?> descriptor = Jenkins.get().getDescriptorOrDie(model);
            for (DescribableParameter parameter : new DescribableModel<>(model).getParameters()) {
                Class<?> erased = parameter.getErasedType();
                if (erased == Object.class || Map.class.isAssignableFrom(erased)
                        || parameter.getType().getClass().getSimpleName().equals("ErrorType")) {
                    problems.add(model.getSimpleName() + "." + parameter.getName() + " is not typed: " + parameter.getRawType());
                }
                if (model.getResource(model.getSimpleName() + "/help-" + parameter.getName() + ".html") == null) {
                    problems.add(model.getSimpleName() + "." + parameter.getName() + " has no help");
                }
            }
            if (descriptor instanceof StepDescriptor && model.getResource(model.getSimpleName() + "/help.html") == null) {
                problems.add(model.getSimpleName() + " has no help.html");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyFormFieldIsAParameter(JenkinsRule r) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Class<? extends Describable<?>> model : MODELS) {
            List<String> names = new DescribableModel<>(model).getParameters().stream().map(DescribableParameter::getName).toList();
            for (String field : formFields(model)) {
                if (!names.contains(field)) {
                    problems.add(model.getSimpleName() + "/config.jelly has field '" + field + "' without a parameter");
                }
            }
        }
        for (String field : formFields(DockerCiConfiguration.class)) {
            if (DockerCiConfiguration.class.getResource("DockerCiConfiguration/help-" + field + ".html") == null) {
                problems.add("DockerCiConfiguration." + field + " has no help");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void freestyleStepsHaveTheirOwnNamesDistinctFromThePipelineSteps_S3(JenkinsRule r) {
        Map<String, Class<?>> symbols = Map.of("buildDockerImage", BuildImageBuilder.class,
                "testInDockerContainer", TestInContainerBuilder.class, "pushDockerImage", PushImageBuilder.class,
                "cleanUpDockerResources", CleanupBuilder.class);
        symbols.forEach((symbol, type) -> {
            assertThat(SymbolLookup.get().findDescriptor(Builder.class, symbol)).as(symbol).isNotNull()
                    .extracting(Descriptor::getKlass).extracting(k -> k.toJavaClass()).isEqualTo(type);
            assertThat(StepDescriptor.byFunctionName(symbol)).as("no Pipeline step is called " + symbol).isNull();
        });
        for (String function : List.of("dockerBuild", "dockerTest", "dockerPush", "dockerCleanup")) {
            assertThat(SymbolLookup.get().findDescriptor(Builder.class, function)).as(function).isNull();
        }
    }

    private static List<String> formFields(Class<?> model) throws IOException {
        List<String> fields = new ArrayList<>();
        try (InputStream view = model.getResourceAsStream(model.getSimpleName() + "/config.jelly")) {
            if (view == null) {
                return fields;
            }
            Matcher field = Pattern.compile("field=\"([^\"]+)\"").matcher(new String(view.readAllBytes(), StandardCharsets.UTF_8));
            while (field.find()) {
                fields.add(field.group(1));
            }
        }
        return fields;
    }
}
