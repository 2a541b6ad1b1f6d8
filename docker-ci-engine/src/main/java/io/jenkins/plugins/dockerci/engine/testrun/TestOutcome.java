package io.jenkins.plugins.dockerci.engine.testrun;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a test run produced. A non-zero exit code is a normal outcome: the caller decides what it means for the build.
 *
 * @param termination     how the run ended
 * @param exitCode        the test command's exit code; empty if it never ran or Docker did not report one
 * @param duration        from the start of the run (services included) until cleanup finished
 * @param timeToReady     per service: from its container's start until its readiness check passed
 * @param reports         the host paths the report paths were copied to
 * @param reportProblems  report paths that were missing and archive entries that were rejected
 * @param serviceProblems services that stopped running while the tests ran ("Service 'db' exited with code 137 ...")
 * @param cleanupProblems what could not be removed (the reaper removes it later by label)
 */
public record TestOutcome(Termination termination, OptionalInt exitCode, Duration duration, Map<String, Duration> timeToReady,
                          List<Path> reports, List<String> reportProblems, List<String> serviceProblems,
                          List<String> cleanupProblems) {

    public TestOutcome {
        Objects.requireNonNull(termination, "termination");
        Objects.requireNonNull(exitCode, "exitCode");
        Objects.requireNonNull(duration, "duration");
        timeToReady = Map.copyOf(timeToReady);
        reports = List.copyOf(reports);
        reportProblems = List.copyOf(reportProblems);
        serviceProblems = List.copyOf(serviceProblems);
        cleanupProblems = List.copyOf(cleanupProblems);
    }

    /** The command exited by itself with 0. */
    public boolean passed() {
        return termination == Termination.EXITED && exitCode.isPresent() && exitCode.getAsInt() == 0;
    }
}
