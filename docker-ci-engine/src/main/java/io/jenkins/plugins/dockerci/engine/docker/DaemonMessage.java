package io.jenkins.plugins.dockerci.engine.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Docker engine's own words from a failed docker-java call, which puts the daemon's JSON error body after "Status NNN: ". */
public final class DaemonMessage {

    private static final Pattern STATUS_BODY = Pattern.compile("Status \\d+: (\\{.*})\\s*", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    private DaemonMessage() {
    }

    /** The {@code message} of the daemon's error body, else the exception's message (or its type when it has none). */
    public static String of(Throwable error) {
        String text = error.getMessage();
        if (text == null || text.isBlank()) {
            return error.getClass().getSimpleName();
        }
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
