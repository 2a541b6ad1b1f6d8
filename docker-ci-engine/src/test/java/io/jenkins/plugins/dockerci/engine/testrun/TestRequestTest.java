package io.jenkins.plugins.dockerci.engine.testrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.services.ContainerCommand;
import io.jenkins.plugins.dockerci.engine.services.ServiceSpec;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TestRequestTest {

    private final ServiceSpec db = ServiceSpec.builder("db", "pg").expose(5432).build();

    @Test
    void unknownTemplateReferenceIsRejectedWhenTheRequestIsBuilt() {
        assertThatThrownBy(() -> TestRequest.builder("app").service(db).env("URL", "${dbx.host}").build())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("no service 'dbx'");
    }

    @Test
    void rejectsRelativeReportPathsAndMissingReportDirectory() {
        assertThatThrownBy(() -> TestRequest.builder("app").reports(Path.of("/tmp/r"), "target/reports").build())
                .hasMessageContaining("absolute");
        assertThatThrownBy(() -> TestRequest.builder("app").reports(null, "/out").build()).hasMessageContaining("no host directory");
    }

    @Test
    void envValuesAreTemplatesSoAShellStyleReferenceNeedsEscaping() {
        assertThatThrownBy(() -> TestRequest.builder("app").env("P", "${HOME}/bin").build())
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("$${");
        assertThat(TestRequest.builder("app").env("P", "$${HOME}/bin").build().env()).containsEntry("P", "$${HOME}/bin");
    }

    @Test
    void rejectsNonPositiveTimeoutsAndAMissingImage() {
        assertThatThrownBy(() -> TestRequest.builder("app").timeout(Duration.ZERO).build()).hasMessageContaining("timeout");
        assertThatThrownBy(() -> TestRequest.builder(" ").build()).hasMessageContaining("needs an image");
    }

    @Test
    void toStringShowsNoValuesOfVariables() {
        TestRequest r = TestRequest.builder("app").env("TOKEN", "s3cret").command(ContainerCommand.exec("make", "test")).build();
        assertThat(r.toString()).contains("TOKEN").doesNotContain("s3cret");
    }
}
