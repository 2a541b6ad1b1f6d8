package io.jenkins.plugins.dockerci.engine.buildkit;

import io.jenkins.plugins.dockerci.engine.registry.RegistryAdvice;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words a failed BuildKit build for the person reading the build log: which step failed, why, and its last output;
 * a base image that could not be pulled is explained as every pull is ({@link RegistryAdvice}).
 */
final class BuildKitFailures {

    // BuildKit's names for the steps that fetch a base image: "[internal] load metadata for REF", "[2/3] FROM REF"
    private static final Pattern BASE_IMAGE_STEP = Pattern.compile("(?:\\[internal] load metadata for |\\[[^]]*] FROM )(\\S+).*");

    private BuildKitFailures() {
    }

    /**
     * @param what        what was built, for orientation
     * @param engineError what the engine reported for the build
     * @param failed      the step that failed, or {@code null} when the build failed before any step (e.g. the
     *                    Dockerfile could not be parsed)
     * @param hints       what to configure, as sentences with a leading space, or empty
     * @param registries  the run's source of registry credentials, for the advice on a base image pull
     */
    static String message(String what, String engineError, PlainProgress.FailedStep failed, String hints,
            RegistryLogins registries) {
        String said = engineError == null || engineError.isBlank() ? "no reason given" : engineError.strip();
        if (failed == null) {
            return "Docker build of " + what + " failed: " + said + "." + (hints.isEmpty() ? " Check the Dockerfile and the"
                    + " build options." : hints);
        }
        String reason = failed.error().isBlank() ? said : failed.error().strip();
        Optional<String> base = baseImage(failed.name());
        Optional<String> basePull = base.flatMap(image -> RegistryAdvice.forBaseImage("FROM " + image, reason, registries));
        if (basePull.isPresent()) {
            // worded as the classic builder's failed FROM step, which the advice follows
            return "Docker build of " + what + " failed at step `" + failed.name() + "`, the base image of `FROM " + base.get()
                    + "`: " + basePull.get() + hints;
        }
        return "Docker build of " + what + " failed at step `" + failed.name() + "`: " + reason + "." + hints + output(failed.tail());
    }

    /** The base image a step fetches, if it is one of those steps. */
    private static Optional<String> baseImage(String step) {
        Matcher m = BASE_IMAGE_STEP.matcher(step);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String output(List<String> tail) {
        if (tail.isEmpty()) {
            return " The step wrote no output.";
        }
        return " Its last " + (tail.size() == 1 ? "line" : tail.size() + " lines") + " of output:\n  " + String.join("\n  ", tail);
    }
}
