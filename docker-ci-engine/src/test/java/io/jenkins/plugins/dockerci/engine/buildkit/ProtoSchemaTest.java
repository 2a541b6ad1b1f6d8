package io.jenkins.plugins.dockerci.engine.buildkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written codec uses the field numbers of the {@code .proto} files in {@code src/main/proto}. */
class ProtoSchemaTest {

    private static final Pattern MESSAGE = Pattern.compile("^\\s*message (\\w+) \\{");
    private static final Pattern FIELD = Pattern.compile("^\\s*(?:repeated )?[\\w.<>, ]+ (\\w+) = (\\d+);");

    @Test
    void sessionMessages() throws IOException {
        Map<String, Integer> schema = fields("buildkit-session.proto");

        assertThat(schema).containsEntry("HealthCheckResponse.status", SessionMessages.HEALTH_RESPONSE_STATUS)
                .containsEntry("CredentialsRequest.Host", SessionMessages.CREDENTIALS_REQUEST_HOST)
                .containsEntry("CredentialsResponse.Username", SessionMessages.CREDENTIALS_RESPONSE_USERNAME)
                .containsEntry("CredentialsResponse.Secret", SessionMessages.CREDENTIALS_RESPONSE_SECRET)
                .containsEntry("GetSecretRequest.ID", SessionMessages.SECRET_REQUEST_ID)
                .containsEntry("GetSecretResponse.data", SessionMessages.SECRET_RESPONSE_DATA);
    }

    @Test
    void statusMessages() throws IOException {
        Map<String, Integer> schema = fields("buildkit-status.proto");

        assertThat(schema).containsEntry("StatusResponse.vertexes", SolveStatus.VERTEXES)
                .containsEntry("StatusResponse.statuses", SolveStatus.STATUSES)
                .containsEntry("StatusResponse.logs", SolveStatus.LOGS)
                .containsEntry("Vertex.digest", SolveStatus.VERTEX_DIGEST)
                .containsEntry("Vertex.name", SolveStatus.VERTEX_NAME)
                .containsEntry("Vertex.cached", SolveStatus.VERTEX_CACHED)
                .containsEntry("Vertex.started", SolveStatus.VERTEX_STARTED)
                .containsEntry("Vertex.completed", SolveStatus.VERTEX_COMPLETED)
                .containsEntry("Vertex.error", SolveStatus.VERTEX_ERROR)
                .containsEntry("VertexStatus.ID", SolveStatus.STATUS_ID)
                .containsEntry("VertexStatus.vertex", SolveStatus.STATUS_VERTEX)
                .containsEntry("VertexStatus.current", SolveStatus.STATUS_CURRENT)
                .containsEntry("VertexStatus.total", SolveStatus.STATUS_TOTAL)
                .containsEntry("VertexStatus.started", SolveStatus.STATUS_STARTED)
                .containsEntry("VertexStatus.completed", SolveStatus.STATUS_COMPLETED)
                .containsEntry("VertexLog.vertex", SolveStatus.LOG_VERTEX)
                .containsEntry("VertexLog.timestamp", SolveStatus.LOG_TIMESTAMP)
                .containsEntry("VertexLog.stream", SolveStatus.LOG_STREAM)
                .containsEntry("VertexLog.msg", SolveStatus.LOG_MSG)
                .containsEntry("Timestamp.seconds", SolveStatus.TIMESTAMP_SECONDS)
                .containsEntry("Timestamp.nanos", SolveStatus.TIMESTAMP_NANOS);
    }

    /** {@code Message.field} → number, for every field of every message of the file. */
    private static Map<String, Integer> fields(String file) throws IOException {
        Map<String, Integer> fields = new HashMap<>();
        String message = null;
        for (String line : Files.readAllLines(Path.of("src", "main", "proto", file))) {
            Matcher m = MESSAGE.matcher(line);
            if (m.find()) {
                message = m.group(1);
                continue;
            }
            Matcher f = FIELD.matcher(line);
            if (f.find() && message != null) {
                fields.put(message + "." + f.group(1), Integer.parseInt(f.group(2)));
            }
        }
        return fields;
    }
}
