package io.jenkins.plugins.dockerci.engine.build;

import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.buildkit.ContextUpload;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The build context archived straight into a BuildKit build's request body ({@link ContextTarWriter}, so with the
 * same entries and {@code .dockerignore} semantics as {@link ContextStream}), on the thread that sends it.
 *
 * <p>A context that cannot be read fails the upload, and {@link #failure()} keeps why, so that the caller reports
 * the unreadable file rather than the upload it broke; a connection that breaks is not the context's failure.
 */
final class ContextTarUpload implements ContextUpload {

    private final BuildContext context;
    private final LogSink log;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    ContextTarUpload(BuildContext context, LogSink log) {
        this.context = context;
        this.log = log;
    }

    @Override
    public void writeTo(OutputStream body) throws IOException {
        Sent sent = new Sent(body);
        ContextTarWriter tarWriter = new ContextTarWriter(context, log);
        try {
            tarWriter.write(new TarArchiveOutputStream(sent));
        } catch (IOException | RuntimeException | Error e) {
            if (sent.broken) {
                throw e;
            }
            failure.compareAndSet(null, e);
            throw new IOException("The build context could not be archived: " + e.getMessage(), e);
        }
        log.info("Sent the build context: " + ContextStream.humanSize(sent.bytes) + " in " + tarWriter.entries() + " entries");
    }

    /** Why the context could not be read completely, or {@code null}. */
    Throwable failure() {
        return failure.get();
    }

    /** Counts what is sent, for the summary line, and tells a broken connection from an unreadable context. */
    private static final class Sent extends FilterOutputStream {
        private long bytes;
        private boolean broken;

        Sent(OutputStream body) {
            super(body);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException | RuntimeException e) {
                broken = true;
                throw e;
            }
            bytes += len;
        }

        @Override
        public void close() {
            // the request body is ended by the request, not by the tar stream
        }
    }
}
