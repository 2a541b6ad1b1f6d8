package io.jenkins.plugins.dockerci.engine.buildkit;

import java.util.List;

/** Words a failed BuildKit build for the person reading the build log: which step failed, why, and its last output. */
final class BuildKitFailures {

    private BuildKitFailures() {
    }

    /**
     * @param what        what was built, for orientation
     * @param engineError what the engine reported for the build
     * @param failed      the step that failed, or {@code null} when the build failed before any step (e.g. the
     *                    Dockerfile could not be parsed)
     * @param hints       what to configure, as sentences with a leading space, or empty
     */
    static String message(String what, String engineError, PlainProgress.FailedStep failed, String hints) {
        String said = engineError == null || engineError.isBlank() ? "no reason given" : engineError.strip();
        if (failed == null) {
            return "Docker build of " + what + " failed: " + said + "." + (hints.isEmpty() ? " Check the Dockerfile and the"
                    + " build options." : hints);
        }
        String reason = failed.error().isBlank() ? said : failed.error().strip();
        return "Docker build of " + what + " failed at step `" + failed.name() + "`: " + reason + "." + hints
                + output(failed.tail());
    }

    private static String output(List<String> tail) {
        if (tail.isEmpty()) {
            return " The step wrote no output.";
        }
        return " Its last " + (tail.size() == 1 ? "line" : tail.size() + " lines") + " of output:\n  " + String.join("\n  ", tail);
    }
}
