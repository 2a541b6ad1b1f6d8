package io.jenkins.plugins.dockerci.engine.buildkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One progress update of a BuildKit solve: {@code moby.buildkit.v1.StatusResponse} as the engine streams it in
 * {@code moby.buildkit.trace} messages (field numbers in {@code src/main/proto/buildkit-status.proto}).
 *
 * @param vertexes steps that started, finished or changed
 * @param statuses progress of work inside a step (transfers, layer pulls)
 * @param logs     output of a step
 */
record SolveStatus(List<Vertex> vertexes, List<VertexStatus> statuses, List<VertexLog> logs) {

    static final int VERTEXES = 1;
    static final int STATUSES = 2;
    static final int LOGS = 3;

    static final int VERTEX_DIGEST = 1;
    static final int VERTEX_NAME = 3;
    static final int VERTEX_CACHED = 4;
    static final int VERTEX_STARTED = 5;
    static final int VERTEX_COMPLETED = 6;
    static final int VERTEX_ERROR = 7;

    static final int STATUS_ID = 1;
    static final int STATUS_VERTEX = 2;
    static final int STATUS_CURRENT = 4;
    static final int STATUS_TOTAL = 5;
    static final int STATUS_STARTED = 7;
    static final int STATUS_COMPLETED = 8;

    static final int LOG_VERTEX = 1;
    static final int LOG_TIMESTAMP = 2;
    static final int LOG_STREAM = 3;
    static final int LOG_MSG = 4;

    static final int TIMESTAMP_SECONDS = 1;
    static final int TIMESTAMP_NANOS = 2;

    SolveStatus {
        vertexes = List.copyOf(vertexes);
        statuses = List.copyOf(statuses);
        logs = List.copyOf(logs);
    }

    /**
     * A step of the build graph.
     *
     * @param digest    its identity
     * @param name      what it does, e.g. {@code [2/3] RUN make}
     * @param cached    whether its result came from the cache
     * @param started   when it started, or {@code null}
     * @param completed when it finished, or {@code null}
     * @param error     why it failed, or empty
     */
    record Vertex(String digest, String name, boolean cached, Instant started, Instant completed, String error) {
    }

    /**
     * Progress of one piece of work inside a step.
     *
     * @param id        what is being done, e.g. {@code transferring context} or a layer digest
     * @param vertex    the step's digest
     * @param current   units done (bytes)
     * @param total     units in all, or 0 when unknown
     * @param started   when it started, or {@code null}
     * @param completed when it finished, or {@code null}
     */
    record VertexStatus(String id, String vertex, long current, long total, Instant started, Instant completed) {
    }

    /**
     * Output of a step.
     *
     * @param vertex    the step's digest
     * @param timestamp when it was written
     * @param stream    1 for standard output, 2 for standard error
     * @param data      the bytes written (not necessarily whole lines)
     */
    record VertexLog(String vertex, Instant timestamp, int stream, byte[] data) {
    }

    /**
     * Decodes a {@code StatusResponse}.
     *
     * @throws ProtoReader.ProtoException when the bytes are not a valid message
     */
    static SolveStatus decode(byte[] message) {
        List<Vertex> vertexes = new ArrayList<>();
        List<VertexStatus> statuses = new ArrayList<>();
        List<VertexLog> logs = new ArrayList<>();
        ProtoReader reader = new ProtoReader(message);
        while (reader.next()) {
            switch (reader.field()) {
                case VERTEXES -> vertexes.add(vertex(reader.message()));
                case STATUSES -> statuses.add(status(reader.message()));
                case LOGS -> logs.add(log(reader.message()));
                default -> reader.skip();
            }
        }
        return new SolveStatus(vertexes, statuses, logs);
    }

    private static Vertex vertex(ProtoReader reader) {
        String digest = "";
        String name = "";
        boolean cached = false;
        Instant started = null;
        Instant completed = null;
        String error = "";
        while (reader.next()) {
            switch (reader.field()) {
                case VERTEX_DIGEST -> digest = reader.string();
                case VERTEX_NAME -> name = reader.string();
                case VERTEX_CACHED -> cached = reader.bool();
                case VERTEX_STARTED -> started = timestamp(reader.message());
                case VERTEX_COMPLETED -> completed = timestamp(reader.message());
                case VERTEX_ERROR -> error = reader.string();
                default -> reader.skip();
            }
        }
        return new Vertex(digest, name, cached, started, completed, error);
    }

    private static VertexStatus status(ProtoReader reader) {
        String id = "";
        String vertex = "";
        long current = 0;
        long total = 0;
        Instant started = null;
        Instant completed = null;
        while (reader.next()) {
            switch (reader.field()) {
                case STATUS_ID -> id = reader.string();
                case STATUS_VERTEX -> vertex = reader.string();
                case STATUS_CURRENT -> current = reader.varint();
                case STATUS_TOTAL -> total = reader.varint();
                case STATUS_STARTED -> started = timestamp(reader.message());
                case STATUS_COMPLETED -> completed = timestamp(reader.message());
                default -> reader.skip();
            }
        }
        return new VertexStatus(id, vertex, current, total, started, completed);
    }

    private static VertexLog log(ProtoReader reader) {
        String vertex = "";
        Instant timestamp = Instant.EPOCH;
        int stream = 1;
        byte[] data = new byte[0];
        while (reader.next()) {
            switch (reader.field()) {
                case LOG_VERTEX -> vertex = reader.string();
                case LOG_TIMESTAMP -> timestamp = timestamp(reader.message());
                case LOG_STREAM -> stream = (int) reader.varint();
                case LOG_MSG -> data = reader.bytes();
                default -> reader.skip();
            }
        }
        return new VertexLog(vertex, timestamp, stream, data);
    }

    private static Instant timestamp(ProtoReader reader) {
        long seconds = 0;
        long nanos = 0;
        while (reader.next()) {
            switch (reader.field()) {
                case TIMESTAMP_SECONDS -> seconds = reader.varint();
                case TIMESTAMP_NANOS -> nanos = reader.varint();
                default -> reader.skip();
            }
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }
}
