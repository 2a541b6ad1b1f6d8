package io.jenkins.plugins.dockerci.params;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParameterChecksTest {

    @Test
    void referencesAreCheckedLineByLine() {
        assertThat(ParameterChecks.references("app:1\n127.0.0.1:5000/team/app:2")).isEmpty();
        assertThat(ParameterChecks.references("app:1\nApp:2")).hasValueSatisfying(m -> assertThat(m).contains("App:2"));
    }

    @Test
    void valuesWithVariablesAreLeftToTheRun() {
        assertThat(ParameterChecks.references("app:${BUILD_NUMBER}")).isEmpty();
        assertThat(ParameterChecks.duration("${LIMIT}", "timeout")).isEmpty();
    }

    @Test
    void durationsUseTheEngineGrammarAndMustBePositive() {
        assertThat(ParameterChecks.duration("1h30m", "dockerTest.timeout")).isEmpty();
        assertThat(ParameterChecks.duration("soon", "dockerTest.timeout"))
                .hasValueSatisfying(m -> assertThat(m).startsWith("dockerTest.timeout: 'soon' is not a duration"));
        assertThat(ParameterChecks.duration("0s", "dockerTest.timeout")).isPresent();
    }

    @Test
    void buildArgNamesAreCheckedAsTheEngineDoes() {
        assertThat(ParameterChecks.buildArgs("VERSION=1\nTOKEN=")).isEmpty();
        assertThat(ParameterChecks.buildArgs("1BAD=x")).hasValueSatisfying(m -> assertThat(m).contains("1BAD"));
        assertThat(ParameterChecks.buildArgs("no-equals")).hasValueSatisfying(m -> assertThat(m).contains("line 1"));
    }

    @Test
    void environmentTemplatesAreCheckedButBuildVariablesAreLeftToTheBuild() {
        assertThat(ParameterChecks.environment("URL=postgresql://${db.host}:${db.port.5432}/t\nBUILD=${BUILD_NUMBER}", "env"))
                .isEmpty();
        assertThat(ParameterChecks.environment("URL=${db.colour}", "env"))
                .hasValueSatisfying(m -> assertThat(m).contains("${db.colour}"));
    }

    @Test
    void imagesMayBeIdsOrReferencesAndPatternsMustCompile() {
        assertThat(ParameterChecks.image("sha256:" + "a".repeat(64))).isEmpty();
        assertThat(ParameterChecks.image("team/app:1")).isEmpty();
        assertThat(ParameterChecks.pattern("ready (to|for")).hasValueSatisfying(m -> assertThat(m).contains("regular expression"));
    }

    @Test
    void portsRetriesAndRegistryUrls() {
        assertThat(ParameterChecks.ports("5432", "ports")).isEmpty();
        assertThat(ParameterChecks.ports("http", "ports")).isPresent();
        assertThat(ParameterChecks.atLeastOne("3", "retries")).isEmpty();
        assertThat(ParameterChecks.atLeastOne("0", "retries")).isPresent();
        assertThat(ParameterChecks.registryUrl("")).isEmpty();
        assertThat(ParameterChecks.registryUrl("ftp://r.example.com")).isPresent();
    }
}
