package io.jenkins.plugins.dockerci.cli.output;

import io.jenkins.plugins.dockerci.engine.LogSink;
import java.io.PrintStream;

/**
 * Renders the engine's lines for a person at a terminal: step headers, engine messages, container output
 * (standard error marked), warnings; colours only when the output is a terminal.
 */
public final class ConsoleLog implements LogSink {

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String CYAN = "\u001b[36m";

    private final PrintStream out;
    private final boolean colour;
    private final boolean quiet;

    /**
     * @param out    where to print
     * @param colour whether to use ANSI colours (only for a terminal)
     * @param quiet  print only warnings, step headers and the summary
     */
    public ConsoleLog(PrintStream out, boolean colour, boolean quiet) {
        this.out = out;
        this.colour = colour;
        this.quiet = quiet;
    }

    /** Whether this process writes to a terminal that wants colours (honours {@code NO_COLOR} and {@code TERM=dumb}). */
    public static boolean terminalWantsColour() {
        return System.console() != null && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
    }

    /** A header line that starts a step. */
    public synchronized void header(String title) {
        out.println(paint(BOLD + CYAN, "==> " + title));
    }

    /** A line that always shows, even when quiet (results, summary). */
    public synchronized void always(String text) {
        out.println(text);
    }

    /** A failure the run ends with. */
    public synchronized void error(String text) {
        out.println(paint(BOLD + RED, "ERROR: ") + text);
    }

    @Override
    public synchronized void line(Kind kind, String text) {
        switch (kind) {
            case WARN -> out.println(paint(YELLOW, "WARNING: " + text));
            case INFO -> {
                if (!quiet) {
                    out.println(text);
                }
            }
            case STDOUT -> {
                if (!quiet) {
                    out.println(paint(DIM, "  | ") + text);
                }
            }
            case STDERR -> {
                if (!quiet) {
                    out.println(paint(RED, "  ! ") + text);
                }
            }
        }
    }

    private String paint(String style, String text) {
        return colour ? style + text + RESET : text;
    }
}
