package io.jenkins.plugins.dockerci.engine.buildkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dockerci.engine.LogSink;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the JSON stream the engine answers {@code POST /build?version=2} with, as it arrives: BuildKit's progress
 * ({@code {"id":"moby.buildkit.trace","aux":"<base64 StatusResponse>"}}) goes to a {@link PlainProgress}, the
 * result ({@code {"id":"moby.image.id","aux":{"ID":"sha256:…"}}}) and the first error
 * ({@code {"errorDetail":{"message":…}}}) are kept, and plain messages ({@code {"stream":…}}) are logged.
 */
final class BuildStream {

    static final String TRACE = "moby.buildkit.trace";
    static final String IMAGE_ID = "moby.image.id";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlainProgress progress;
    private final LogSink log;
    private volatile String imageId;
    private volatile String engineError;

    BuildStream(PlainProgress progress, LogSink log) {
        this.progress = progress;
        this.log = log;
    }

    /**
     * Reads until the engine ends the stream.
     *
     * @throws IOException when the stream breaks or is not the engine's JSON
     * @throws ProtoReader.ProtoException when a progress message is malformed
     */
    void read(InputStream body) throws IOException {
        try (MappingIterator<JsonNode> items = JSON.readerFor(JsonNode.class).readValues(body)) {
            while (items.hasNextValue()) {
                onItem(items.nextValue());
            }
        }
    }

    /** The id of the image built ({@code sha256:…}), or {@code null}. */
    String imageId() {
        return imageId;
    }

    /** The error the engine reported, or {@code null}. */
    String engineError() {
        return engineError;
    }

    private void onItem(JsonNode item) throws IOException {
        JsonNode detail = item.path("errorDetail").path("message");
        if (detail.isTextual() || item.path("error").isTextual()) {
            if (engineError == null) {
                engineError = detail.isTextual() ? detail.asText() : item.path("error").asText();
            }
            return;
        }
        String id = item.path("id").asText("");
        if (TRACE.equals(id) && item.path("aux").isTextual()) {
            progress.accept(SolveStatus.decode(item.path("aux").binaryValue()));
        } else if (IMAGE_ID.equals(id)) {
            imageId = item.path("aux").path("ID").asText(null);
        } else if (item.path("stream").isTextual()) {
            item.path("stream").asText().lines().filter(line -> !line.isBlank())
                    .forEach(line -> log.line(LogSink.Kind.STDOUT, line));
        }
    }
}
