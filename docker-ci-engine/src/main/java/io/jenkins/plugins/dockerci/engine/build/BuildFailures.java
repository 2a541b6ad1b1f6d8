package io.jenkins.plugins.dockerci.engine.build;

import io.jenkins.plugins.dockerci.engine.docker.DaemonMessage;
import io.jenkins.plugins.dockerci.engine.registry.RegistryAdvice;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Words a failed build for the person reading the build log: which step failed and what the engine said. */
final class BuildFailures {

    private static final Pattern NON_ZERO = Pattern.compile("The command .* returned a non-zero code: (\\d+)", Pattern.DOTALL);
    private static final Pattern INSTRUCTION = Pattern.compile("[^`]*`(.*)`", Pattern.DOTALL);

    private BuildFailures() {
    }

    /**
     * The message for a build that failed.
     *
     * @param dockerfile    what was built, for orientation
     * @param step          the failing step as {@code 3/5 `RUN exit 3`}, or {@code null} if none had started
     * @param daemonMessage what the engine reported
     */
    static String message(String dockerfile, String step, String daemonMessage) {
        return message(dockerfile, step, daemonMessage, RegistryLogins.none());
    }

    /**
     * The message for a build that failed; a {@code FROM} step whose base image could not be pulled says what to fix
     * in the terms of the run's source of registry credentials.
     */
    static String message(String dockerfile, String step, String daemonMessage, RegistryLogins registries) {
        String said = daemonMessage == null || daemonMessage.isBlank() ? "no reason given" : daemonMessage.strip();
        if (step == null) {
            return "Docker build of " + dockerfile + " failed before the first step: " + said
                    + ". Check the Dockerfile and the build options.";
        }
        Matcher nonZero = NON_ZERO.matcher(said);
        if (nonZero.matches()) {
            return "Docker build of " + dockerfile + " failed: step " + step + " returned a non-zero code: "
                    + nonZero.group(1) + ". The command's output is in the build log above.";
        }
        Matcher instruction = INSTRUCTION.matcher(step);
        Optional<String> basePull = instruction.matches()
                ? RegistryAdvice.forBaseImage(instruction.group(1), said, registries) : Optional.empty();
        return "Docker build of " + dockerfile + " failed at step " + step + ": " + basePull.orElse(said + ".");
    }

    /** The engine's own words from an HTTP error ({@code Status 400: {"message":"…"}}), else the exception's message. */
    static String daemonMessage(Throwable error) {
        return DaemonMessage.of(error);
    }
}
