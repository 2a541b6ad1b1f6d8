package io.jenkins.plugins.dockerci.engine.cleanup.crash;

import java.io.PrintStream;

/** How a flow in the child JVM tells the parent where it is: one line per checkpoint on standard output. */
public final class Checkpoints {

    static final String PREFIX = "CHECKPOINT ";

    private final PrintStream out;

    Checkpoints(PrintStream out) {
        this.out = out;
    }

    /** The flow reached {@code name}; the parent sees it at once. */
    public void reached(String name) {
        out.println(PREFIX + name);
        out.flush();
    }
}
