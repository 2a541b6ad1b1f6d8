package io.jenkins.plugins.dockerci.engine.build;

import io.jenkins.plugins.dockerci.engine.LogSink;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the engine's build output into whole lines for the {@link LogSink} as it arrives, and remembers what the
 * lines say: the current step, the image and container ids the build created, and the id it reports at the end.
 *
 * <p>The engine sends fragments that need not end at line breaks ({@code "Step 1/4 : FROM x"} and {@code "\n"} come
 * as two items). A carriage return without a line feed rewrites the line on a terminal, so only the text after it is
 * kept. A line longer than {@value #MAX_LINE} characters is passed on in pieces rather than held back.
 */
final class BuildLog {

    static final int MAX_LINE = 16 * 1024;

    private static final Pattern STEP = Pattern.compile("Step (\\d+/\\d+) : (.*)");
    private static final Pattern LAYER = Pattern.compile(" ---> ([0-9a-f]{12,64})");
    private static final Pattern RUNNING_IN = Pattern.compile(" ---> Running in ([0-9a-f]{12,64})");
    private static final Pattern BUILT = Pattern.compile("Successfully built ([0-9a-f]{12,64})");

    private final LogSink sink;
    private final StringBuilder pending = new StringBuilder();
    private boolean carriageReturn;
    private String step;
    private String instruction;
    private boolean stepIsFrom;
    private boolean cacheHit;
    private boolean stepDone;
    private String stepContainer;
    private String builtId;
    private String lastLayer;
    private final List<String> createdImages = new ArrayList<>();
    private final List<String> containers = new ArrayList<>();

    BuildLog(LogSink sink) {
        this.sink = sink;
    }

    /** Adds a fragment of output; emits each line it completes. */
    synchronized void append(String fragment) {
        for (int i = 0; i < fragment.length(); i++) {
            char c = fragment.charAt(i);
            if (c == '\n') {
                carriageReturn = false;
                emit();
            } else if (c == '\r') {
                carriageReturn = true;
            } else {
                if (carriageReturn) {
                    pending.setLength(0);
                    carriageReturn = false;
                }
                pending.append(c);
                if (pending.length() >= MAX_LINE) {
                    emit();
                }
            }
        }
    }

    /** Emits what is left of an unfinished line. */
    synchronized void flush() {
        if (!pending.isEmpty()) {
            emit();
        }
    }

    /** The step being executed, e.g. {@code 3/5 `RUN exit 3`}, or {@code null} before the first step. */
    synchronized String currentStep() {
        return step == null ? null : step + " `" + instruction + "`";
    }

    /**
     * The (short) id of the image the build produced: the one of the "Successfully built" line, else the layer the
     * last step committed; {@code null} when the output names neither.
     */
    synchronized String builtImageId() {
        return builtId != null ? builtId : lastLayer;
    }

    /** Images this build committed (not base images, not cache hits), oldest first. */
    synchronized List<String> createdImages() {
        return List.copyOf(createdImages);
    }

    /**
     * Whether the last step the output announced has not reported its result yet: once a step has started the
     * engine finishes it (and commits its image) even after the build was stopped.
     */
    synchronized boolean stepInProgress() {
        return step != null && !stepDone;
    }

    /** The intermediate container of the step in progress, when the output named it, else {@code null}. */
    synchronized String stepContainer() {
        return stepDone ? null : stepContainer;
    }

    /** The intermediate containers this build ran. */
    synchronized List<String> containers() {
        return List.copyOf(containers);
    }

    private void emit() {
        String line = pending.toString();
        pending.setLength(0);
        track(line);
        sink.line(LogSink.Kind.STDOUT, line);
    }

    private void track(String line) {
        Matcher m = STEP.matcher(line);
        if (m.matches()) {
            step = m.group(1);
            instruction = m.group(2).strip();
            stepIsFrom = instruction.regionMatches(true, 0, "FROM ", 0, 5);
            cacheHit = false;
            stepDone = false;
            stepContainer = null;
            return;
        }
        if (line.equals(" ---> Using cache")) {
            cacheHit = true;
            return;
        }
        m = RUNNING_IN.matcher(line);
        if (m.matches()) {
            containers.add(m.group(1));
            stepContainer = m.group(1);
            return;
        }
        m = LAYER.matcher(line);
        if (m.matches()) {
            lastLayer = m.group(1);
            stepDone = true;
            if (!stepIsFrom && !cacheHit) {
                createdImages.add(m.group(1));
            }
            return;
        }
        m = BUILT.matcher(line);
        if (m.matches()) {
            builtId = m.group(1);
        }
    }
}
