package io.jenkins.plugins.dockerci.engine.buildkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuildKitFailuresTest {

    @Test
    void namesTheFailedStepItsReasonTheHintsAndItsLastOutput() {
        PlainProgress.FailedStep step = new PlainProgress.FailedStep("[2/3] RUN make test",
                "executor failed running [/bin/sh -c make test]: exit code: 2", List.of("#6 1.204 FAIL x", "#6 1.300 make: *** [test] Error 1"));

        assertThat(BuildKitFailures.message("Dockerfile (context /ws)", "failed to solve: exit code: 2", step, " Hint."))
                .isEqualTo("Docker build of Dockerfile (context /ws) failed at step `[2/3] RUN make test`: executor failed"
                        + " running [/bin/sh -c make test]: exit code: 2. Hint. Its last 2 lines of output:\n"
                        + "  #6 1.204 FAIL x\n  #6 1.300 make: *** [test] Error 1");
    }

    @Test
    void aStepWithoutOutputSaysSo() {
        PlainProgress.FailedStep step = new PlainProgress.FailedStep("[1/1] FROM nope:1", "", List.of());

        assertThat(BuildKitFailures.message("Dockerfile", "pull access denied", step, ""))
                .isEqualTo("Docker build of Dockerfile failed at step `[1/1] FROM nope:1`: pull access denied. The step wrote no output.");
    }

    @Test
    void aFailureBeforeAnyStepQuotesTheEngine() {
        assertThat(BuildKitFailures.message("Dockerfile", "dockerfile parse error line 2: unknown instruction: RUNN", null, ""))
                .isEqualTo("Docker build of Dockerfile failed: dockerfile parse error line 2: unknown instruction: RUNN. Check the"
                        + " Dockerfile and the build options.");
    }
}
