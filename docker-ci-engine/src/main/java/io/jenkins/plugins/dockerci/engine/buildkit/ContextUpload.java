package io.jenkins.plugins.dockerci.engine.buildkit;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A build context that writes itself, as a tar stream, straight into the body of the build request that sends it: no
 * pipe and no thread of its own between archiving and sending, and memory use independent of the context's size.
 */
@FunctionalInterface
public interface ContextUpload {

    /**
     * Writes the whole context; called once, on the thread that sends the build. A stopped build closes the
     * connection, which makes the next write fail.
     *
     * @param body the request body; not to be closed
     * @throws IOException when the context cannot be read or the connection breaks; either ends the build
     */
    void writeTo(OutputStream body) throws IOException;
}
