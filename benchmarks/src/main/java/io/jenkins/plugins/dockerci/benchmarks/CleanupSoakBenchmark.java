package io.jenkins.plugins.dockerci.benchmarks;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.ManagedLabels;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.cleanup.Cleaner;
import io.jenkins.plugins.dockerci.engine.cleanup.CleanupPolicy;
import io.jenkins.plugins.dockerci.engine.cleanup.Leftovers;
import io.jenkins.plugins.dockerci.engine.cleanup.OrphanReaper;
import io.jenkins.plugins.dockerci.engine.docker.DockerClients;
import io.jenkins.plugins.dockerci.engine.docker.DockerEndpoint;
import io.jenkins.plugins.dockerci.engine.testsupport.TestEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Cleanup soak: N randomised runs (default 100), each with one injected fault, against the real engine; reports
 * faults by kind, resources created and left, and cleanup time percentiles to {@code benchmarks/results/cleanup-soak.md}.
 *
 * <p>{@code benchmarks/run CleanupSoakBenchmark [runs] [seed]}. Exits with status 1 if anything labelled or any anonymous
 * volume of the soak's containers is left, or if a container that is not the soak's (unlabelled, or another owner's)
 * did not survive.
 */
public final class CleanupSoakBenchmark {

    private static final Path REPORT = Path.of("benchmarks", "results", "cleanup-soak.md");

    private CleanupSoakBenchmark() {
    }

    // the machine's load explains the times: the soak shares its CPUs and its Docker engine with other work
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void deleteLedgers(Path ledgers) throws IOException {
        try (Stream<Path> files = Files.list(ledgers)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(ledgers);
    }

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : System.nanoTime();
        DockerEndpoint endpoint = TestEnvironment.current().dockerEndpoint();
        String owner = "soak-" + UUID.randomUUID().toString().substring(0, 8);
        Random random = new Random(seed);
        Path ledgers = Files.createTempDirectory("cleanup-soak-");
        List<SoakRun.Result> results = new ArrayList<>();
        boolean bystandersSurvived;
        int leftForOwner;
        String dockerVersion;
        Instant started = Instant.now();
        String loadBefore = loadAverage();
        try (DockerClient docker = DockerClients.connect(endpoint);
             Cleaner cleaner = Cleaner.open(endpoint, Cleaner.DEFAULT_CALL_TIMEOUT, LogSink.NONE)) {
            dockerVersion = docker.versionCmd().exec().getVersion();
            List<String> bystanders = List.of(
                    Leftovers.bystander(docker, "dci-soak-unlabelled-" + owner, Map.of(), null),
                    Leftovers.bystander(docker, "dci-soak-theirs-" + owner, new RunContext("soak-other-" + owner, "soak-1").labels(), null));
            try {
                OrphanReaper reaper = new OrphanReaper(cleaner, CleanupPolicy.REMOVE_ALL, LogSink.NONE, Clock.systemUTC());
                SoakRun soak = new SoakRun(docker, cleaner, reaper, owner, ledgers, random);
                SoakFault[] faults = SoakFault.values();
                for (int i = 1; i <= runs; i++) {
                    SoakFault fault = faults[random.nextInt(faults.length)];
                    SoakRun.Result result = soak.run(i, fault);
                    results.add(result);
                    System.out.printf("run %3d/%d %-30s created %d, cleanup %4d ms, %d failure(s) reported, left %d then %d (+%d anonymous volumes)%n",
                            i, runs, fault.description(), result.created(), result.cleanupTime().toMillis(),
                            result.failuresReported(), result.leftAfterCleanup(), result.leftAtEnd(), result.anonymousVolumesLeft());
                }
                leftForOwner = Leftovers.labelled(docker, Map.of(ManagedLabels.OWNER, owner)).size();
                bystandersSurvived = bystanders.stream().allMatch(id -> Leftovers.containerExists(docker, id));
            } finally {
                bystanders.forEach(id -> Leftovers.removeContainer(docker, id));
            }
        }
        deleteLedgers(ledgers);
        SoakReport report = new SoakReport(results, seed, dockerVersion, Duration.between(started, Instant.now()),
                "load average " + loadBefore + " before, " + loadAverage() + " after", leftForOwner, bystandersSurvived);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report.markdown());
        System.out.println(report.verdict() + " — report written to " + REPORT);
        if (!report.verdict().startsWith("PASS")) {
            System.exit(1);
        }
    }
}
