package io.jenkins.plugins.dockerci.cli.flow;

import io.jenkins.plugins.dockerci.engine.build.BuiltImage;
import io.jenkins.plugins.dockerci.engine.cleanup.CleanupReport;
import io.jenkins.plugins.dockerci.engine.push.PushResult;
import io.jenkins.plugins.dockerci.engine.testrun.TestOutcome;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@code docker-ci run} did, step by step.
 *
 * @param status        how the run ended; decides the exit code
 * @param runId         the run id its resources were labelled with
 * @param build         the image built, if the build step ran and succeeded
 * @param test          the test outcome, if the test step ran
 * @param push          the pushed tags, if the push step ran and succeeded
 * @param cleanup       the cleanup report (empty when containers were kept for debugging)
 * @param durations     how long each step took, in the order they ran
 * @param failure       the message of the failure that ended the run, if any
 */
public record FlowOutcome(Status status, String runId, Optional<BuiltImage> build, Optional<TestOutcome> test,
                          Optional<PushResult> push, Optional<CleanupReport> cleanup, Map<String, Duration> durations,
                          Optional<String> failure) {

    public FlowOutcome {
        durations = Collections.unmodifiableMap(new LinkedHashMap<>(durations));
    }

    /** How a run ended, with the CLI's exit code for it. */
    public enum Status {
        PASSED(0), TESTS_FAILED(1), INVALID(2), DOCKER_ERROR(3), INTERRUPTED(130);

        private final int exitCode;

        Status(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }
}
