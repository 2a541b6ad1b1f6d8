package io.jenkins.plugins.dockerci.params;

import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.services.wait.Wait;
import io.jenkins.plugins.dockerci.engine.services.wait.WaitStrategy;
import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * How a service tells it is ready, as the vocabulary's {@code readiness} map says it: one of {@code port},
 * {@code log} (with {@code times}), {@code healthcheck} or {@code command}. A service without one is ready when its
 * ports accept connections, or once it runs if it has none (the engine's default).
 *
 * @param kind  which check
 * @param value the port number, the log pattern or the command script; {@code null} for the others
 * @param times how many log lines must match (log only)
 */
public record ReadinessSettings(Kind kind, String value, int times) implements Serializable {

    /** The checks. */
    public enum Kind { PORT, LOG, HEALTHCHECK, COMMAND }

    public ReadinessSettings {
        Objects.requireNonNull(kind, "kind");
        if (times < 1) {
            throw new InvalidRequestException(Messages.ReadinessSettings_times(times));
        }
        strategy(kind, value, times);
    }

    /**
     * The readiness of the vocabulary's map fields; at most one may be set, and none gives {@code null} (the
     * engine's default).
     *
     * @param port        a port that must accept connections, or {@code null}
     * @param log         a regular expression a log line must match, or {@code null}
     * @param times       how many lines must match {@code log}
     * @param healthcheck wait for the image's HEALTHCHECK
     * @param command     a script run in the container until it exits with 0, or {@code null}
     */
    public static ReadinessSettings of(Integer port, String log, int times, boolean healthcheck, String command) {
        String blankLog = FormText.blankToNull(log);
        String blankCommand = FormText.blankToNull(command);
        int chosen = (port != null ? 1 : 0) + (blankLog != null ? 1 : 0) + (healthcheck ? 1 : 0) + (blankCommand != null ? 1 : 0);
        if (chosen > 1) {
            throw new InvalidRequestException(Messages.ReadinessSettings_oneCheck(chosen));
        }
        if (port != null) {
            return new ReadinessSettings(Kind.PORT, String.valueOf(FormText.port(String.valueOf(port), "readiness.port")), 1);
        }
        if (blankLog != null) {
            return new ReadinessSettings(Kind.LOG, blankLog, times);
        }
        if (healthcheck) {
            return new ReadinessSettings(Kind.HEALTHCHECK, null, 1);
        }
        return blankCommand != null ? new ReadinessSettings(Kind.COMMAND, blankCommand, 1) : null;
    }

    /** The engine's wait strategy. */
    public WaitStrategy toStrategy() {
        return strategy(kind, value, times);
    }

    private static WaitStrategy strategy(Kind kind, String value, int times) {
        try {
            return switch (kind) {
                case PORT -> Wait.forPort(Integer.parseInt(value));
                case LOG -> Wait.forLogMessage(value).withTimes(times);
                case HEALTHCHECK -> Wait.forHealthcheck();
                case COMMAND -> Wait.forShellCommand(value);
            };
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("readiness." + kind.name().toLowerCase(Locale.ROOT) + ": "
                    + e.getMessage());
        }
    }
}
