package io.jenkins.plugins.dockerci.engine.services;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.jenkins.plugins.dockerci.engine.services.wait.PortWaitStrategy;
import io.jenkins.plugins.dockerci.engine.services.wait.Wait;
import io.jenkins.plugins.dockerci.engine.services.wait.WaitStrategy;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Explains why a service did not become ready, with its last log lines. */
final class ReadinessFailure {

    private ReadinessFailure() {
    }

    static ServiceStartException timedOut(ServiceContainer service, Duration waited) {
        ServiceSpec spec = service.spec();
        return new ServiceStartException(spec.name(), "Service '" + spec.name() + "' (" + spec.image() + ") was not ready after "
                + seconds(waited) + ": waited for " + waitingFor(service) + " (startup timeout "
                + seconds(spec.startupTimeout()) + "). Increase the service's startup timeout or fix its readiness check."
                + logTail(service), null);
    }

    static ServiceStartException exited(ServiceContainer service, Duration after) {
        ServiceSpec spec = service.spec();
        String how;
        try {
            InspectContainerResponse.ContainerState state = service.docker().inspectContainerCmd(service.containerId()).exec().getState();
            how = "exited with code " + state.getExitCodeLong()
                    + (Boolean.TRUE.equals(state.getOOMKilled()) ? " (killed: out of memory)" : "")
                    + (state.getError() != null && !state.getError().isBlank() ? " (" + state.getError() + ")" : "");
        } catch (RuntimeException e) {
            how = "stopped running (" + OneLine.of(e.getMessage()) + ")";
        }
        return new ServiceStartException(spec.name(), "Service '" + spec.name() + "' (" + spec.image() + ") " + how
                + " during startup, " + seconds(after) + " after it started, while waiting for "
                + waitingFor(service) + ". Check the service's image, command and environment." + logTail(service), null);
    }

    /** What the service's strategy waits for, with the default "exposed ports" spelled out. */
    static String waitingFor(ServiceContainer service) {
        WaitStrategy strategy = service.spec().waitStrategy();
        if (strategy instanceof PortWaitStrategy port && port.ports().isEmpty()) {
            return service.exposedPorts().isEmpty() ? "the container running (it exposes no ports)"
                    : Wait.forPorts(service.exposedPorts()).description();
        }
        return strategy.description();
    }

    private static String logTail(ServiceContainer service) {
        List<String> lines = ContainerLogTail.lastLines(service.docker(), service.containerId(), ContainerLogTail.DEFAULT_LINES);
        if (lines.isEmpty()) {
            return " It wrote no log output.";
        }
        StringBuilder out = new StringBuilder(" Last ").append(lines.size()).append(" log lines of '")
                .append(service.serviceName()).append("':");
        lines.forEach(l -> out.append(System.lineSeparator()).append("  ").append(l));
        return out.toString();
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
    }
}
