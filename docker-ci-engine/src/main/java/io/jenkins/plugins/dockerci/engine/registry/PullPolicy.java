package io.jenkins.plugins.dockerci.engine.registry;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * When an image a run needs (a service's, the test container's) is pulled from its registry, as {@code docker run
 * --pull} decides it. An image given by id is never pulled: a registry cannot serve it.
 */
public enum PullPolicy {
    /** Pull only when the image is not on the Docker host (the default). */
    MISSING,
    /** Pull every time, so a moved tag is followed; the pull must succeed. */
    ALWAYS,
    /** Never pull: the image must already be on the Docker host. */
    NEVER;

    /** The policy as the step parameters and the flow file write it: {@code missing}, {@code always}, {@code never}. */
    public String parameterValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The policy written {@code value} (any case).
     *
     * @param where the parameter, for the message (e.g. "dockerTest.pull")
     * @throws InvalidRequestException naming the allowed values
     */
    public static PullPolicy parse(String value, String where) {
        String wanted = value == null ? "" : value.strip();
        for (PullPolicy policy : values()) {
            if (policy.parameterValue().equalsIgnoreCase(wanted)) {
                return policy;
            }
        }
        throw new InvalidRequestException(where + " is '" + value + "': use one of "
                + Arrays.stream(values()).map(PullPolicy::parameterValue).collect(Collectors.joining(", "))
                + " (missing: pull when the image is not on the Docker host).");
    }
}
