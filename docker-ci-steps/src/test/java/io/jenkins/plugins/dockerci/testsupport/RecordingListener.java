package io.jenkins.plugins.dockerci.testsupport;

import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A build console that keeps what was written, for assertions. */
public final class RecordingListener implements TaskListener {

    private static final long serialVersionUID = 1L;

    private final transient ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final transient PrintStream logger = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Override
    public PrintStream getLogger() {
        return logger;
    }

    /** The console so far. */
    public String text() {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** The console so far, line by line. */
    public List<String> lines() {
        return text().lines().toList();
    }
}
