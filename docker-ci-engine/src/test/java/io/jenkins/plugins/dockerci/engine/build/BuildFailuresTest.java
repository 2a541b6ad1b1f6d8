package io.jenkins.plugins.dockerci.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.BadRequestException;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildFailuresTest {

    @Test
    void nonZeroExitNamesTheStepAndCode() {
        assertThat(BuildFailures.message("Dockerfile", "3/5 `RUN exit 3`", "The command '/bin/sh -c exit 3' returned a non-zero code: 3"))
                .isEqualTo("Docker build of Dockerfile failed: step 3/5 `RUN exit 3` returned a non-zero code: 3."
                        + " The command's output is in the build log above.");
    }

    @Test
    void otherFailuresQuoteTheEngine() {
        assertThat(BuildFailures.message("Dockerfile", "1/2 `FROM nope`", "manifest for nope not found"))
                .isEqualTo("Docker build of Dockerfile failed at step 1/2 `FROM nope`: manifest for nope not found.");
        assertThat(BuildFailures.message("Dockerfile", null, "dockerfile parse error line 2: unknown instruction: FOO"))
                .startsWith("Docker build of Dockerfile failed before the first step: dockerfile parse error line 2");
        assertThat(BuildFailures.message("Dockerfile", null, " ")).contains("no reason given");
    }

    @Test
    void engineMessageIsTakenFromTheHttpErrorBody() {
        assertThat(BuildFailures.daemonMessage(new BadRequestException(
                "{\"message\":\"dockerfile parse error line 2: unknown instruction: FOO\"}\n")))
                .isEqualTo("dockerfile parse error line 2: unknown instruction: FOO");
        assertThat(BuildFailures.daemonMessage(new IllegalStateException("Connection reset"))).isEqualTo("Connection reset");
    }

    @Test
    void aBaseImageThatCouldNotBePulledSaysWhatToFixInTheCallersTerms() {
        RegistryLogins cli = RegistryLogins.of(List.of(), registry -> "run 'docker login " + registry + "'");

        assertThat(BuildFailures.message("Dockerfile", "1/2 `FROM 127.0.0.1:5001/private/base:1`",
                "Head \"http://127.0.0.1:5001/v2/private/base/manifests/1\": no basic auth credentials", cli))
                .startsWith("Docker build of Dockerfile failed at step 1/2 `FROM 127.0.0.1:5001/private/base:1`: image"
                        + " 127.0.0.1:5001/private/base:1 in registry 127.0.0.1:5001: registry 127.0.0.1:5001 requires credentials"
                        + " and none are configured for 127.0.0.1:5001")
                .endsWith("run 'docker login 127.0.0.1:5001'.");
    }
}
