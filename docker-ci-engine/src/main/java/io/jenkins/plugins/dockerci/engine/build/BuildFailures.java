package io.jenkins.plugins.dockerci.engine.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Words a failed build for the person reading the build log: which step failed and what the engine said. */
final class BuildFailures {

    private static final Pattern NON_ZERO = Pattern.compile("The command .* returned a non-zero code: (\\d+)", Pattern.DOTALL);
    private static final Pattern STATUS_BODY = Pattern.compile("Status \\d+: (\\{.*})\\s*", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    private BuildFailures() {
    }

    /**
     * The message for a build that failed.
     *
     * @param dockerfile    what was built, for orientation
     * @param step          the failing step as {@code 3/5 `RUN exit 3`}, or {@code null} if none had started
     * @param daemonMessage what the engine reported
     */
    static String message(String dockerfile, String step, String daemonMessage) {
        String said = daemonMessage == null || daemonMessage.isBlank() ? "no reason given" : daemonMessage.strip();
        if (step == null) {
            return "Docker build of " + dockerfile + " failed before the first step: " + said
                    + ". Check the Dockerfile and the build options.";
        }
        Matcher nonZero = NON_ZERO.matcher(said);
        if (nonZero.matches()) {
            return "Docker build of " + dockerfile + " failed: step " + step + " returned a non-zero code: "
                    + nonZero.group(1) + ". The command's output is in the build log above.";
        }
        return "Docker build of " + dockerfile + " failed at step " + step + ": " + said + ".";
    }

    /** The engine's own words from an HTTP error ({@code Status 400: {"message":"…"}}), else the exception's message. */
    static String daemonMessage(Throwable error) {
        String text = String.valueOf(error.getMessage());
        Matcher body = STATUS_BODY.matcher(text);
        if (body.matches()) {
            try {
                JsonNode message = JSON.readTree(body.group(1)).get("message");
                if (message != null && message.isTextual()) {
                    return message.asText();
                }
            } catch (IOException notJson) {
                // fall back to the whole text
            }
        }
        return text.strip();
    }
}
