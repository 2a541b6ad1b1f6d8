package io.jenkins.plugins.dockerci.engine.buildkit;

import io.jenkins.plugins.dockerci.engine.docker.DockerEndpoint;
import io.jenkins.plugins.dockerci.engine.docker.EngineSocket;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A BuildKit session with the engine: {@code POST /session} upgraded to HTTP/2 (h2c) on a connection of its own, on
 * which this client is the gRPC <em>server</em> and the engine's BuildKit calls in (health checks, registry logins,
 * secrets). A build names the session by its {@link #id()}; the engine ends the session when the connection closes.
 */
final class BuildSession implements Closeable {

    private static final int MAX_RESPONSE_HEAD = 16 * 1024;
    private static final int IN_BUFFER = 32 * 1024;
    private static final int MAX_ERROR_BODY = 4096;
    private static final int END_OF_HEAD = ('\r' << 24) | ('\n' << 16) | ('\r' << 8) | '\n';

    private final String id;
    private final Socket socket;
    private final Thread server;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean closing;

    private BuildSession(String id, Socket socket, InputStream in, GrpcHandler services) throws IOException {
        this.id = id;
        this.socket = socket;
        OutputStream out = new BufferedOutputStream(socket.getOutputStream());
        GrpcServerConnection connection = new GrpcServerConnection(in, out, services);
        this.server = new Thread(() -> serve(connection), "docker-ci-buildkit-session-" + id.substring(0, 8));
        this.server.setDaemon(true);
    }

    /** A new session id: a build can name its session before the session is open. */
    static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * Opens a session and starts serving it.
     *
     * @param id       the session's id ({@link #newId()})
     * @param name     a name for the engine's logs (the context directory's name, as the docker CLI sends)
     * @param services what the session answers
     * @throws IOException when the engine cannot be reached or refuses the session
     */
    static BuildSession open(DockerEndpoint endpoint, String id, String name, GrpcHandler services) throws IOException {
        Socket socket = EngineSocket.connect(endpoint);
        try {
            // one buffer for the answer's head and the HTTP/2 stream after it, which may arrive in the same read
            InputStream in = new BufferedInputStream(socket.getInputStream(), IN_BUFFER);
            upgrade(socket, in, EngineSocket.hostHeader(endpoint), id, name);
            BuildSession session = new BuildSession(id, socket, in, services);
            session.server.start();
            return session;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The id a build names the session by. */
    String id() {
        return id;
    }

    /** Why the session stopped serving before it was closed, or {@code null}. */
    Throwable failure() {
        return failure.get();
    }

    /** Ends the session: the engine drops it, and any call it still makes fails. */
    @Override
    public void close() throws IOException {
        closing = true;
        socket.close();
    }

    private void serve(GrpcServerConnection connection) {
        try {
            connection.serve();
        } catch (IOException | RuntimeException e) {
            if (!closing) {
                failure.compareAndSet(null, e);
            }
        } finally {
            try {
                socket.close();
            } catch (IOException alreadyClosed) {
                // nothing else to release
            }
        }
    }

    private static void upgrade(Socket socket, InputStream in, String host, String id, String name) throws IOException {
        StringBuilder request = new StringBuilder()
                .append("POST /session HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n")
                .append("User-Agent: docker-ci\r\n")
                .append("Content-Length: 0\r\n")
                .append("Connection: Upgrade\r\n")
                .append("Upgrade: h2c\r\n")
                .append("X-Docker-Expose-Session-Uuid: ").append(id).append("\r\n")
                .append("X-Docker-Expose-Session-Name: ").append(headerValue(name)).append("\r\n")
                .append("X-Docker-Expose-Session-Sharedkey: ").append(id).append("\r\n");
        for (String method : SessionServices.METHODS) {
            request.append("X-Docker-Expose-Session-Grpc-Method: ").append(method).append("\r\n");
        }
        request.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        List<String> head = readHead(in);
        String status = head.get(0);
        if (!status.matches("HTTP/1\\.[01] 101( .*)?")) {
            throw new IOException("the engine refused the BuildKit session (" + status + ")" + errorBody(head, in));
        }
    }

    /** The status line and header lines; what follows them stays in {@code in} for the HTTP/2 connection. */
    private static List<String> readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != END_OF_HEAD) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the engine closed the connection while answering POST /session");
            }
            head.write(b);
            last4 = last4 << 8 | b;
            if (head.size() > MAX_RESPONSE_HEAD) {
                throw new IOException("the engine's answer to POST /session has an oversized head");
            }
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return List.of(text.substring(0, text.length() - 4).split("\r\n"));
    }

    private static String errorBody(List<String> head, InputStream in) throws IOException {
        int length = head.stream().skip(1)
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                .map(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).strip()))
                .findFirst().orElse(0);
        if (length <= 0) {
            return "";
        }
        String body = new String(in.readNBytes(Math.min(length, MAX_ERROR_BODY)), StandardCharsets.UTF_8).strip();
        return body.isEmpty() ? "" : ": " + body;
    }

    /** Header values may not contain line breaks or non-ASCII characters; such characters become '_'. */
    private static String headerValue(String value) {
        return value.codePoints().map(c -> c < 0x20 || c > 0x7E ? '_' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
