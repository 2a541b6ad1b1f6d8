package io.jenkins.plugins.dockerci.engine.services.wait;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;

/**
 * Ready when an HTTP GET of a path on one of the service's ports answers with the expected status (any 2xx unless
 * set). Like {@link PortWaitStrategy} it connects from the engine's host to the container's IP.
 */
public final class HttpWaitStrategy implements WaitStrategy {

    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(50);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    private final int port;
    private final String path;
    private final int status;
    private final Duration pollInterval;

    HttpWaitStrategy(int port, String path, int status, Duration pollInterval) {
        this.port = PortWaitStrategy.requirePort(port);
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("the HTTP path to wait for must start with '/', was " + path);
        }
        if (status != 0 && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("HTTP status " + status + " is not a status code (100-599)");
        }
        this.path = path;
        this.status = status;
        this.pollInterval = Poll.requireValidInterval(pollInterval);
    }

    /** A copy that waits for exactly this status code instead of any 2xx. */
    public HttpWaitStrategy withStatus(int expected) {
        return new HttpWaitStrategy(port, path, expected, pollInterval);
    }

    /** A copy that asks again every {@code interval}. */
    public HttpWaitStrategy withPollInterval(Duration interval) {
        return new HttpWaitStrategy(port, path, status, interval);
    }

    @Override
    public boolean waitUntilReady(WaitTarget target, Deadline deadline) throws InterruptedException {
        URI uri = URI.create("http://" + target.ipAddress() + ":" + port + path);
        return Poll.until(target, deadline, pollInterval, () -> answers(uri, deadline.remainingAtMost(REQUEST_TIMEOUT)));
    }

    private boolean answers(URI uri, Duration timeout) {
        HttpURLConnection http = null;
        try {
            http = (HttpURLConnection) uri.toURL().openConnection();
            int millis = (int) Math.max(1, timeout.toMillis());
            http.setConnectTimeout(millis);
            http.setReadTimeout(millis);
            http.setInstanceFollowRedirects(false);
            int code = http.getResponseCode();
            return status == 0 ? code >= 200 && code < 300 : code == status;
        } catch (IOException notYet) {
            return false;
        } finally {
            if (http != null) {
                http.disconnect();
            }
        }
    }

    @Override
    public String description() {
        return "HTTP GET " + path + " on port " + port + " answering " + (status == 0 ? "2xx" : Integer.toString(status));
    }

    @Override
    public String toString() {
        return description();
    }
}
