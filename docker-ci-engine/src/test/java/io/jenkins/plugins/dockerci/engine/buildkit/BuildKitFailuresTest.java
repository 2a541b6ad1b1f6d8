package io.jenkins.plugins.dockerci.engine.buildkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildKitFailuresTest {

    @Test
    void namesTheFailedStepItsReasonTheHintsAndItsLastOutput() {
        PlainProgress.FailedStep step = new PlainProgress.FailedStep("[2/3] RUN make test",
                "executor failed running [/bin/sh -c make test]: exit code: 2", List.of("#6 1.204 FAIL x", "#6 1.300 make: *** [test] Error 1"));

        assertThat(BuildKitFailures.message("Dockerfile (context /ws)", "failed to solve: exit code: 2", step, " Hint.",
                RegistryLogins.none()))
                .isEqualTo("Docker build of Dockerfile (context /ws) failed at step `[2/3] RUN make test`: executor failed"
                        + " running [/bin/sh -c make test]: exit code: 2. Hint. Its last 2 lines of output:\n"
                        + "  #6 1.204 FAIL x\n  #6 1.300 make: *** [test] Error 1");
    }

    @Test
    void aStepWithoutOutputSaysSo() {
        PlainProgress.FailedStep step = new PlainProgress.FailedStep("[1/1] FROM nope:1", "", List.of());

        assertThat(BuildKitFailures.message("Dockerfile", "exec format error", step, "", RegistryLogins.none()))
                .isEqualTo("Docker build of Dockerfile failed at step `[1/1] FROM nope:1`: exec format error. The step wrote no output.");
    }

    @Test
    void aFailureBeforeAnyStepQuotesTheEngine() {
        assertThat(BuildKitFailures.message("Dockerfile", "dockerfile parse error line 2: unknown instruction: RUNN", null, "",
                RegistryLogins.none()))
                .isEqualTo("Docker build of Dockerfile failed: dockerfile parse error line 2: unknown instruction: RUNN. Check the"
                        + " Dockerfile and the build options.");
    }

    @Test
    void aBaseImageThatCannotBePulledIsExplainedAsEveryPullIs() {
        PlainProgress.FailedStep step = new PlainProgress.FailedStep("[internal] load metadata for 127.0.0.1:5001/team/base:1",
                "pulling from host 127.0.0.1:5001 failed with status code [manifests 1]: 401 Unauthorized", List.of());
        RegistryLogins logins = new RegistryLogins() {
            @Override
            public java.util.Optional<RegistryLogin> forRegistry(String registry) {
                return java.util.Optional.empty();
            }

            @Override
            public String howToConfigure(String registry) {
                return "add a registry: entry for " + registry;
            }
        };

        assertThat(BuildKitFailures.message("Dockerfile", "failed to solve", step, "", logins)).isEqualTo("Docker build of"
                + " Dockerfile failed at step `[internal] load metadata for 127.0.0.1:5001/team/base:1`, the base image of"
                + " `FROM 127.0.0.1:5001/team/base:1`: image 127.0.0.1:5001/team/base:1 in registry 127.0.0.1:5001: registry"
                + " 127.0.0.1:5001 requires credentials and none are configured for 127.0.0.1:5001 (the registry said: pulling"
                + " from host 127.0.0.1:5001 failed with status code [manifests 1]: 401 Unauthorized) — add a registry: entry for"
                + " 127.0.0.1:5001.");
    }
}
