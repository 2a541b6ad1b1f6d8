package io.jenkins.plugins.dockerci.engine.push;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A registry in front of a real one that answers {@code 503 Service Unavailable} to the first manifest uploads, the
 * way an overloaded registry or its load balancer does. Everything else is passed through (the registry's upload
 * locations point at the real registry, so layers go there directly).
 */
final class FlakyRegistryProxy implements AutoCloseable {

    private static final Set<String> HOP_HEADERS = Set.of("host", "connection", "content-length", "transfer-encoding",
            "keep-alive", "upgrade", "expect", "date");

    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String upstream;
    private final AtomicInteger failuresLeft;
    private final AtomicInteger manifestPuts = new AtomicInteger();

    private FlakyRegistryProxy(String upstream, int failures) throws IOException {
        this.upstream = upstream;
        this.failuresLeft = new AtomicInteger(failures);
        // HTTPS, because the engine tries HTTPS first: a plain HTTP server stalls its TLS handshake for 10 s (the engine
        // skips certificate checks for 127.0.0.0/8, so a throwaway self-signed certificate is enough)
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(selfSignedContext()));
        server = https;
        server.createContext("/", this::handle);
        server.start();
    }

    private static SSLContext selfSignedContext() throws IOException {
        Path dir = Files.createTempDirectory("flaky-registry");
        Path store = dir.resolve("proxy.p12");
        char[] password = "not-a-secret".toCharArray();
        try {
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", new String(password),
                    "-alias", "proxy", "-keyalg", "EC", "-dname", "CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1", "-validity", "2")
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes());
            if (keytool.waitFor() != 0) {
                throw new IOException("keytool failed: " + output);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, password);
            }
            KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            managers.init(keys, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(managers.getKeyManagers(), null, null);
            return context;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making a certificate", e);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(store);
            Files.deleteIfExists(dir);
        }
    }

    /** A proxy to {@code upstream} ({@code host:port}) that fails the first {@code failures} manifest uploads. */
    static FlakyRegistryProxy failingManifestPuts(String upstream, int failures) throws IOException {
        return new FlakyRegistryProxy(upstream, failures);
    }

    /** {@code 127.0.0.1:port} of the proxy, to use as the registry of a reference. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    int manifestPuts() {
        return manifestPuts.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            URI uri = exchange.getRequestURI();
            if (method.equals("PUT") && uri.getPath().contains("/manifests/")) {
                manifestPuts.incrementAndGet();
                if (failuresLeft.getAndDecrement() > 0) {
                    exchange.getRequestBody().readAllBytes();
                    reply(exchange, 503, "{\"errors\":[{\"code\":\"UNAVAILABLE\",\"message\":\"service unavailable\"}]}".getBytes());
                    return;
                }
            }
            forward(exchange, method, uri);
        }
    }

    private void forward(HttpExchange exchange, String method, URI uri) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + upstream + uri.getRawPath()
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
                .timeout(Duration.ofSeconds(30))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            boolean headContentLength = lower.equals("content-length") && method.equals("HEAD");
            if (!HOP_HEADERS.contains(lower) || headContentLength) {
                exchange.getResponseHeaders().put(name, List.copyOf(values));
            }
        });
        if (method.equals("HEAD")) {
            exchange.sendResponseHeaders(response.statusCode(), -1);
        } else {
            reply(exchange, response.statusCode(), response.body());
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
