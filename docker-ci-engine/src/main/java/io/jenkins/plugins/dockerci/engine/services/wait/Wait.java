package io.jenkins.plugins.dockerci.engine.services.wait;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Creates readiness strategies: {@code for*} methods choose what to wait for, the strategies' {@code with*}
 * methods return adjusted copies. For example {@code Wait.forLogMessage("ready to accept connections").withTimes(2)}.
 */
public final class Wait {

    private Wait() {
    }

    /** Ready when each of these TCP ports accepts connections. */
    public static PortWaitStrategy forPort(int... ports) {
        if (ports.length == 0) {
            throw new IllegalArgumentException("a port wait needs at least one port; use forExposedPorts() for the service's own");
        }
        return new PortWaitStrategy(Arrays.stream(ports).boxed().toList(), PortWaitStrategy.DEFAULT_POLL_INTERVAL);
    }

    /** Ready when every port the service exposes (its spec's, else its image's EXPOSE) accepts connections. */
    public static PortWaitStrategy forExposedPorts() {
        return new PortWaitStrategy(List.of(), PortWaitStrategy.DEFAULT_POLL_INTERVAL);
    }

    /** Ready when each of these TCP ports accepts connections. */
    public static PortWaitStrategy forPorts(List<Integer> ports) {
        return forPort(ports.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Ready when {@code GET path} on {@code port} answers with a 2xx status (see {@link HttpWaitStrategy#withStatus}). */
    public static HttpWaitStrategy forHttp(int port, String path) {
        return new HttpWaitStrategy(port, path, 0, HttpWaitStrategy.DEFAULT_POLL_INTERVAL);
    }

    /** Ready once a line of output matches {@code regex} (a {@link Pattern}, searched within the line). */
    public static LogMessageWaitStrategy forLogMessage(String regex) {
        Objects.requireNonNull(regex, "regex");
        try {
            return new LogMessageWaitStrategy(Pattern.compile(regex), 1);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("the log message pattern is not a valid regular expression: " + e.getMessage(), e);
        }
    }

    /** Ready when Docker reports the container's HEALTHCHECK as healthy. */
    public static HealthcheckWaitStrategy forHealthcheck() {
        return new HealthcheckWaitStrategy(HealthcheckWaitStrategy.DEFAULT_POLL_INTERVAL);
    }

    /** Ready when this command, run inside the container in exec form, exits with 0. */
    public static CommandWaitStrategy forCommand(String... argv) {
        return new CommandWaitStrategy(Arrays.asList(argv), CommandWaitStrategy.DEFAULT_POLL_INTERVAL);
    }

    /** Ready when this script, run inside the container by {@code /bin/sh -c}, exits with 0. */
    public static CommandWaitStrategy forShellCommand(String script) {
        Objects.requireNonNull(script, "script");
        return new CommandWaitStrategy(List.of("/bin/sh", "-c", script), CommandWaitStrategy.DEFAULT_POLL_INTERVAL);
    }

    /** Ready as soon as the container runs. */
    public static RunningWaitStrategy forRunning() {
        return new RunningWaitStrategy();
    }
}
