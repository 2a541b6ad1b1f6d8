package io.jenkins.plugins.dockerci.benchmarks;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.ManagedLabels;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.docker.DockerClients;
import io.jenkins.plugins.dockerci.engine.docker.DockerEndpoint;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import io.jenkins.plugins.dockerci.engine.services.ContainerCommand;
import io.jenkins.plugins.dockerci.engine.services.ServiceSpec;
import io.jenkins.plugins.dockerci.engine.testrun.TestOutcome;
import io.jenkins.plugins.dockerci.engine.testrun.TestRequest;
import io.jenkins.plugins.dockerci.engine.testrun.TestRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Test with two services (one listening only after a 1 s delay) by the engine versus the equivalent docker CLI
 * script, in alternating runs; also how long after the delayed port really opened the engine noticed it.
 * Writes {@code benchmarks/results/test-services.md}. Usage: {@code benchmarks/run TestServicesBenchmark [runs]}.
 */
public final class TestServicesBenchmark {

    private static final String IMAGE = "docker-ci-test/busybox:1";
    private static final Path REPORT = Path.of("benchmarks", "results", "test-services.md");

    private final DockerClient docker;
    private final String ownerId = "bench-" + UUID.randomUUID().toString().substring(0, 8);

    private TestServicesBenchmark(DockerClient docker) {
        this.docker = docker;
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        try (DockerClient docker = DockerClients.connect(DockerEndpoint.fromEnvironment())) {
            new TestServicesBenchmark(docker).measure(runs);
        }
    }

    private void measure(int runs) throws Exception {
        TestServicesShellScenario script = new TestServicesShellScenario(IMAGE, ownerId);
        engineRun();
        script.run(newRunId());
        List<Double> engine = new ArrayList<>();
        List<Double> shell = new ArrayList<>();
        List<Double> lags = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            EngineSample sample = engineRun();
            engine.add(sample.wallSeconds());
            lags.add(sample.readyLagMillis());
            shell.add(seconds(script.run(newRunId())));
            System.out.printf(Locale.ROOT, "run %d: engine %.3f s (lag %.0f ms), script %.3f s%n", i + 1,
                    engine.get(i), lags.get(i), shell.get(i));
        }
        String leftovers = leftovers();
        String report = report(runs, engine, shell, lags, leftovers);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report, StandardCharsets.UTF_8);
        System.out.println(report);
    }

    private record EngineSample(double wallSeconds, double readyLagMillis) {
    }

    private EngineSample engineRun() throws IOException {
        AtomicReference<Double> readySeenAt = new AtomicReference<>();
        AtomicReference<Double> openedAt = new AtomicReference<>();
        LogSink sink = (kind, text) -> {
            if (kind == LogSink.Kind.INFO && text.startsWith("Service 'cache' ready")) {
                readySeenAt.set(uptimeSeconds());
            } else if (kind == LogSink.Kind.STDOUT && text.startsWith("cache-opened-at ")) {
                openedAt.set(Double.parseDouble(text.substring("cache-opened-at ".length())));
            }
        };
        // the services print the kernel uptime (the same clock inside and outside containers) when they start listening
        ServiceSpec db = ServiceSpec.builder("db", IMAGE).expose(5432)
                .command(ContainerCommand.shell("exec nc -ll -p 5432 -e echo db-ok")).build();
        ServiceSpec cache = ServiceSpec.builder("cache", IMAGE).expose(6379)
                .command(ContainerCommand.shell("sleep 1; U=$(cut -d' ' -f1 /proc/uptime); exec nc -ll -p 6379 -e echo cache-opened-at $U"))
                .build();
        TestRequest request = TestRequest.builder(IMAGE).service(db).service(cache)
                .command(ContainerCommand.shell("nc db 5432 && nc cache 6379")).build();
        long start = System.nanoTime();
        TestOutcome outcome = new TestRunner(new EngineContext(docker, new RunContext(ownerId, newRunId()), ResourceTracker.NONE))
                .run(request, sink);
        double wall = seconds(Duration.ofNanos(System.nanoTime() - start));
        if (!outcome.passed() || readySeenAt.get() == null || openedAt.get() == null) {
            throw new IllegalStateException("the engine scenario failed: " + outcome);
        }
        return new EngineSample(wall, (readySeenAt.get() - openedAt.get()) * 1000);
    }

    private static double uptimeSeconds() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/uptime: " + e.getMessage(), e);
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private String leftovers() {
        Map<String, String> mine = Map.of(ManagedLabels.OWNER, ownerId);
        int containers = docker.listContainersCmd().withShowAll(true).withLabelFilter(mine).exec().size();
        int networks = docker.listNetworksCmd().withFilter("label", List.of(ManagedLabels.OWNER + "=" + ownerId)).exec().size();
        return containers + " containers, " + networks + " networks";
    }

    private String report(int runs, List<Double> engine, List<Double> shell, List<Double> lags, String leftovers) {
        double e = median(engine);
        double s = median(shell);
        StringBuilder md = new StringBuilder();
        md.append("# Test with services: engine vs docker CLI script\n\n");
        md.append("Measured ").append(Instant.now()).append(" by `TestServicesBenchmark ").append(runs)
                .append("` on ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs, Docker ")
                .append(docker.versionCmd().exec().getVersion()).append("; load average at the end (1/5/15 min): ")
                .append(loadAverage()).append(" (the machine is shared, so absolute times vary; the runs alternate to compare fairly).\n\n");
        md.append("Scenario: two busybox services on a fresh network, `db` listening at once and `cache` listening only after")
                .append(" `sleep 1`; the test container runs `nc db 5432 && nc cache 6379`; then everything is removed.\n")
                .append("- engine: `TestRunner.run` (port readiness for both services concurrently; connects every 25 ms), in a warm JVM;\n")
                .append("- script: bash with the docker CLI: `network create`, `run -d` ×2, readiness polled per service with")
                .append(" `/dev/tcp` connects and `sleep 0.1`, `run --rm` the test, `rm -f -v`, `network rm`.\n")
                .append("One warm-up run each, then ").append(runs).append(" alternating runs.\n\n");
        md.append("| run | engine (s) | script (s) | engine: ready noticed after port opened (ms) |\n|---|---|---|---|\n");
        for (int i = 0; i < runs; i++) {
            md.append(String.format(Locale.ROOT, "| %d | %.3f | %.3f | %.0f |%n", i + 1, engine.get(i), shell.get(i), lags.get(i)));
        }
        md.append(String.format(Locale.ROOT, "%n| | engine | script |%n|---|---|---|%n| median wall time | %.3f s | %.3f s |%n", e, s));
        md.append(String.format(Locale.ROOT, "| ratio engine / script | %.2f× | |%n", e / s));
        md.append(String.format(Locale.ROOT, "%nTime-to-ready precision (`cache`): median %.0f ms, max %.0f ms between the port opening"
                + " (kernel uptime printed by the service just before `nc` listens) and the engine logging it ready; /proc/uptime"
                + " has 10 ms resolution.%n", median(lags), lags.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
        md.append(String.format(Locale.ROOT, "%nGoals: engine ≤ 0.9× the script: **%s** (%.2f×). Ready within 100 ms of the port"
                + " opening: **%s**.%n", e / s <= 0.9 ? "met" : "not met", e / s,
                lags.stream().allMatch(l -> l <= 100) ? "met in every run" : "not met in every run"));
        md.append("\nLeft behind after the benchmark (labelled with its owner id): ").append(leftovers).append(".\n");
        return md.toString();
    }

    private static String newRunId() {
        return "bench-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
