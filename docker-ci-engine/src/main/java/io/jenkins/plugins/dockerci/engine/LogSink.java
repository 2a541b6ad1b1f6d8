package io.jenkins.plugins.dockerci.engine;

/**
 * Where the engine sends what a person watching the build should see, one line at a time, as it happens.
 *
 * <p>Implementations render lines (a Jenkins console, a terminal, a test's list). They must be thread-safe: service
 * readiness and container output are reported from several threads. A line never contains a line break.
 */
@FunctionalInterface
public interface LogSink {

    /** What a line is, so renderers can tell engine messages from container output. */
    enum Kind {
        /** A progress or summary message of the engine. */
        INFO,
        /** Something went wrong but the run goes on (for example a cleanup failure). */
        WARN,
        /** A line a container or the build wrote to its standard output. */
        STDOUT,
        /** A line a container wrote to its standard error. */
        STDERR
    }

    /** A sink that drops everything. */
    LogSink NONE = (kind, text) -> { };

    /** Receives one line; {@code text} has no trailing line break. */
    void line(Kind kind, String text);

    default void info(String text) {
        line(Kind.INFO, text);
    }

    default void warn(String text) {
        line(Kind.WARN, text);
    }
}
