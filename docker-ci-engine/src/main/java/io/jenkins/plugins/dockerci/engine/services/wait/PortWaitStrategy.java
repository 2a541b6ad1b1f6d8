package io.jenkins.plugins.dockerci.engine.services.wait;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Ready when every listed TCP port of the service (by default: every port it exposes) accepts a connection on its
 * network address; a service without ports is ready once it runs.
 *
 * <p>Connects from the engine's host to the container's IP, so the engine must run on the Docker host (the usual
 * case for a Jenkins agent). For a remote daemon use {@link Wait#forCommand} or {@link Wait#forLogMessage}.
 */
public final class PortWaitStrategy implements WaitStrategy {

    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(25);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

    private final List<Integer> ports;
    private final Duration pollInterval;

    /** @param ports the ports to wait for; empty for the target's exposed ports */
    PortWaitStrategy(List<Integer> ports, Duration pollInterval) {
        ports.forEach(PortWaitStrategy::requirePort);
        this.ports = List.copyOf(ports);
        this.pollInterval = Poll.requireValidInterval(pollInterval);
    }

    static int requirePort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not a TCP port (1-65535)");
        }
        return port;
    }

    /** A copy that retries refused connections every {@code interval}. */
    public PortWaitStrategy withPollInterval(Duration interval) {
        return new PortWaitStrategy(ports, interval);
    }

    /** The ports waited for; empty means the target's exposed ports. */
    public List<Integer> ports() {
        return ports;
    }

    @Override
    public boolean waitUntilReady(WaitTarget target, Deadline deadline) throws InterruptedException {
        if (ports.isEmpty() && target.exposedPorts().isEmpty()) {
            return target.running();
        }
        for (int port : ports.isEmpty() ? target.exposedPorts() : ports) {
            if (!waitForPort(target, port, deadline)) {
                return false;
            }
        }
        return true;
    }

    private boolean waitForPort(WaitTarget target, int port, Deadline deadline) throws InterruptedException {
        InetSocketAddress address = new InetSocketAddress(target.ipAddress(), port);
        return Poll.until(target, deadline, pollInterval, () -> accepts(address, deadline.remainingAtMost(CONNECT_TIMEOUT)));
    }

    private static boolean accepts(InetSocketAddress address, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(address, (int) Math.max(1, timeout.toMillis()));
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public String description() {
        if (ports.isEmpty()) {
            return "its exposed TCP ports";
        }
        return (ports.size() == 1 ? "TCP port " : "TCP ports ")
                + ports.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return description();
    }
}
