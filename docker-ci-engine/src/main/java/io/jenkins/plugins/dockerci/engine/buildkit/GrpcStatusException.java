package io.jenkins.plugins.dockerci.engine.buildkit;

/**
 * A gRPC call's answer is an error status: the code and message go back to the caller in the trailers.
 *
 * @see <a href="https://grpc.github.io/grpc/core/md_doc_statuscodes.html">gRPC status codes</a>
 */
final class GrpcStatusException extends RuntimeException {

    static final int INVALID_ARGUMENT = 3;
    static final int NOT_FOUND = 5;
    static final int INTERNAL = 13;
    static final int UNIMPLEMENTED = 12;
    static final int UNAVAILABLE = 14;

    private static final long serialVersionUID = 1L;

    private final int code;

    GrpcStatusException(int code, String message) {
        super(message);
        this.code = code;
    }

    int code() {
        return code;
    }
}
