package io.jenkins.plugins.dockerci.log;

import hudson.model.TaskListener;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.log.SecretMasker;
import java.io.PrintStream;
import java.util.Collection;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Renders engine log lines into a build console.
 *
 * <p>Engine messages start with {@value #PREFIX}, warnings with {@value #PREFIX}{@value #WARNING}, container standard
 * error with {@value #STDERR}; container standard output is printed as it is. Text that holds line breaks is split so
 * that every console line carries its marker, and lines from several threads never interleave. Use
 * {@link #masking(TaskListener, Collection)} for a sink that hides secrets (and their encoded forms) first.
 */
public final class TaskListenerLogSink implements LogSink {

    /** Marks a message of the plugin, so it stands out from the build's own output. */
    public static final String PREFIX = "[docker-ci] ";
    /** Follows {@link #PREFIX} on a warning. */
    public static final String WARNING = "WARNING: ";
    /** Marks a line a container wrote to its standard error. */
    public static final String STDERR = "[stderr] ";

    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    private final TaskListener listener;

    public TaskListenerLogSink(TaskListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** A console sink that masks {@code secrets} before anything is written; masking happens before line splitting. */
    public static LogSink masking(TaskListener listener, Collection<String> secrets) {
        return SecretMasker.wrap(new TaskListenerLogSink(listener), secrets);
    }

    @Override
    public void line(Kind kind, String text) {
        String marker = marker(kind);
        PrintStream out = listener.getLogger();
        synchronized (this) {
            for (String part : LINE_BREAK.split(text == null ? "" : text, -1)) {
                out.println(marker + part);
            }
            out.flush();
        }
    }

    private static String marker(Kind kind) {
        return switch (kind) {
            case INFO -> PREFIX;
            case WARN -> PREFIX + WARNING;
            case STDOUT -> "";
            case STDERR -> STDERR;
        };
    }
}
