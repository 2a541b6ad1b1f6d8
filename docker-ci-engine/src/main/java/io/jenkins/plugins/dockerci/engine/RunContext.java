package io.jenkins.plugins.dockerci.engine;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who is running and which run this is: the identity stamped on everything the engine creates.
 *
 * @param ownerId one id per Jenkins instance or command-line user; the reaper only ever removes its own owner's resources
 * @param runId   one id per build or CLI run; cleanup of a run removes exactly what carries this id
 */
public record RunContext(String ownerId, String runId) {

    // label values end up in Docker filters and resource names: keep them to a safe alphabet
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    public RunContext {
        requireSafe(ownerId, "ownerId");
        requireSafe(runId, "runId");
    }

    private static void requireSafe(String value, String what) {
        Objects.requireNonNull(value, what);
        if (!SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value
                    + "' must be 1-128 characters of letters, digits, '_', '.' or '-', starting with a letter or digit");
        }
    }

    /** The labels for a resource created now. */
    public Map<String, String> labels(Clock clock) {
        return Map.of(
                ManagedLabels.MANAGED, "true",
                ManagedLabels.OWNER, ownerId,
                ManagedLabels.RUN, runId,
                ManagedLabels.CREATED, Long.toString(clock.instant().getEpochSecond()));
    }

    /** The labels for a resource created now, by the system clock. */
    public Map<String, String> labels() {
        return labels(Clock.systemUTC());
    }
}
