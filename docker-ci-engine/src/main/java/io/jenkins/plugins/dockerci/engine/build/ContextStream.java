package io.jenkins.plugins.dockerci.engine.build;

import io.jenkins.plugins.dockerci.engine.LogSink;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The build context as an input stream, produced while it is read: a writer thread archives the context into a
 * bounded pipe, so memory use does not depend on the context's size and no temporary file is written.
 *
 * <p>When the writer fails, the reader does not see a clean end of stream (which could pass a truncated context
 * off as a complete one): it gets an {@link IOException} carrying the writer's failure, which aborts the upload.
 * {@link #failure()} tells the caller what went wrong. Closing the stream stops the writer.
 */
final class ContextStream extends InputStream {

    private static final int PIPE_BUFFER = 1 << 20;
    private static final int WRITE_BUFFER = 1 << 16;

    private final PipedInputStream pipe;
    private final Thread writer;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile long bytesWritten;

    private ContextStream(PipedInputStream pipe, ContextTarWriter tarWriter, PipedOutputStream sink, LogSink log) {
        this.pipe = pipe;
        this.writer = new Thread(() -> produce(tarWriter, sink, log), "docker-ci-build-context");
        this.writer.setDaemon(true);
    }

    /** Starts archiving {@code context}; the caller must {@link #close()} the stream. */
    static ContextStream start(BuildContext context, LogSink log) throws IOException {
        PipedInputStream pipe = new PipedInputStream(PIPE_BUFFER);
        PipedOutputStream sink = new PipedOutputStream(pipe);
        ContextStream stream = new ContextStream(pipe, new ContextTarWriter(context, log), sink, log);
        stream.writer.start();
        return stream;
    }

    private void produce(ContextTarWriter tarWriter, PipedOutputStream sink, LogSink log) {
        try {
            BufferedOutputStream buffer = new BufferedOutputStream(new Counting(sink), WRITE_BUFFER);
            tarWriter.write(new TarArchiveOutputStream(buffer));
            // the tar stream does not pass flush() on to what it wraps
            buffer.flush();
            log.info("Sent the build context: " + humanSize(bytesWritten) + " in " + tarWriter.entries() + " entries");
        } catch (IOException | RuntimeException | Error e) {
            failure.compareAndSet(null, e);
        } finally {
            // only now may the reader see the end of the stream: the failure (if any) is already recorded
            closeQuietly(sink);
        }
    }

    /** Why the context could not be written completely, or {@code null}. */
    Throwable failure() {
        return failure.get();
    }

    /** Waits for the writer to stop (it stops soon after {@link #close()}); returns whether it did. */
    boolean awaitWriter(long timeout, TimeUnit unit) throws InterruptedException {
        writer.join(Math.max(1, unit.toMillis(timeout)));
        return !writer.isAlive();
    }

    @Override
    public int read() throws IOException {
        int b = pipe.read();
        return b < 0 ? endOfStream() : b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = pipe.read(buffer, offset, length);
        return n < 0 ? endOfStream() : n;
    }

    @Override
    public int available() throws IOException {
        return pipe.available();
    }

    @Override
    public void close() throws IOException {
        pipe.close();
    }

    private int endOfStream() throws IOException {
        Throwable cause = failure.get();
        if (cause != null) {
            throw new IOException("The build context could not be archived: " + cause.getMessage(), cause);
        }
        return -1;
    }

    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        String[] units = {"kB", "MB", "GB", "TB"};
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException alreadyBroken) {
            // the reader is gone; nothing is waiting for the rest of the stream
        }
    }

    /** Counts what reaches the pipe, for the summary line, and wakes the reader after each chunk. */
    private final class Counting extends FilterOutputStream {
        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytesWritten++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytesWritten += len;
            // a waiting PipedInputStream is otherwise only woken when the pipe is full, or after a second
            out.flush();
        }
    }
}
