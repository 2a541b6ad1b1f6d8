package io.jenkins.plugins.dockerci.engine.buildkit;

/** Answers the unary gRPC calls of one connection. Called on the connection's reader thread, one call at a time. */
@FunctionalInterface
interface GrpcHandler {

    /**
     * Answers one call.
     *
     * @param method  the full method, e.g. {@code /moby.buildkit.secrets.v1.Secrets/GetSecret}
     * @param request the request message (protocol buffers)
     * @return the response message (protocol buffers)
     * @throws GrpcStatusException to answer with a gRPC error status instead
     */
    byte[] handle(String method, byte[] request);
}
