package io.jenkins.plugins.dockerci.benchmarks;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.ManagedLabels;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.build.BuildRequest;
import io.jenkins.plugins.dockerci.engine.build.BuilderChoice;
import io.jenkins.plugins.dockerci.engine.build.BuiltImage;
import io.jenkins.plugins.dockerci.engine.build.ImageBuilder;
import io.jenkins.plugins.dockerci.engine.docker.DockerClients;
import io.jenkins.plugins.dockerci.engine.docker.DockerEndpoint;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The engine's image build against {@code DOCKER_BUILDKIT=0 docker build} on the same ≈300 MB context, of which
 * a {@code .dockerignore} excludes ≈90% (a {@code node_modules}-like tree).
 *
 * <p>Builds alternate between the two, {@code runs} times each (default 5) after one unmeasured warm-up each; both
 * use the same labels and the build cache. Reports the median wall time of each, their ratio, the engine's peak
 * heap and the process's peak RSS to {@code benchmarks/results/build.md}. Usage: {@code BuildBenchmark [runs]}.
 */
public final class BuildBenchmark {

    private static final Pattern CLI_SENT = Pattern.compile("Sending build context to Docker daemon\\s+(\\S+)");
    private static final Pattern CLI_BUILT = Pattern.compile("Successfully built ([0-9a-f]{12})");
    private static final int PACKAGES = 1000;
    private static final int FILES_PER_PACKAGE = 5;
    private static final int PACKAGE_FILE_SIZE = 54 * 1024;
    private static final int SOURCE_FILES = 300;
    private static final int SOURCE_FILE_SIZE = 100 * 1024;

    private final DockerClient docker;
    private final String owner = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    private int runCounter;

    private BuildBenchmark(DockerClient docker) {
        this.docker = docker;
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path work = Files.createTempDirectory("build-benchmark");
        DockerEndpoint endpoint = DockerEndpoint.fromEnvironment();
        try (DockerClient docker = DockerClients.connect(endpoint)) {
            new BuildBenchmark(docker).run(work, runs, BuildKitBenchmark.REPORT);
            // the BuildKit comparisons in the same run, in their own section of the same report
            BuildKitBenchmark.run(docker, endpoint, runs, BuildKitBenchmark.REPORT);
        } finally {
            deleteTree(work);
        }
    }

    private void run(Path work, int runs, Path report) throws Exception {
        Path context = work.resolve("context");
        long[] sizes = createContext(context);
        List<String> engineSent = new ArrayList<>();
        String cliSent = null;
        engineBuild(context, engineSent);
        cliBuild(context);
        resetPeakHeap();
        List<Double> engine = new ArrayList<>();
        List<Double> cli = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            engine.add(engineBuild(context, engineSent));
            CliResult result = cliBuild(context);
            cli.add(result.seconds());
            cliSent = result.sent();
            System.out.printf(Locale.ROOT, "run %d: engine %.2f s, docker CLI %.2f s%n", i + 1, engine.get(i), cli.get(i));
        }
        long peakHeap = peakHeap();
        removeImages();
        writeReport(report, runs, sizes, engine, cli, engineSent.get(engineSent.size() - 1), cliSent, peakHeap);
        System.out.println("Report written to " + report);
    }

    private double engineBuild(Path context, List<String> sent) {
        RunContext run = new RunContext(owner, "run-" + (++runCounter));
        LogSink sink = (kind, text) -> {
            if (text.startsWith("Sent the build context: ")) {
                sent.add(text.substring("Sent the build context: ".length()));
            }
        };
        long start = System.nanoTime();
        BuiltImage image = new ImageBuilder(new EngineContext(docker, run, ResourceTracker.NONE))
                .build(BuildRequest.builder(context).builder(BuilderChoice.CLASSIC).build(), sink);
        double seconds = (System.nanoTime() - start) / 1e9;
        docker.removeImageCmd(image.imageId()).withForce(true).exec();
        return seconds;
    }

    private record CliResult(double seconds, String sent) {
    }

    private CliResult cliBuild(Path context) throws IOException, InterruptedException {
        RunContext run = new RunContext(owner, "run-" + (++runCounter));
        List<String> command = new ArrayList<>(List.of("docker", "build", "--force-rm"));
        for (Map.Entry<String, String> label : run.labels().entrySet()) {
            command.addAll(List.of("--label", label.getKey() + "=" + label.getValue()));
        }
        command.add(context.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DOCKER_BUILDKIT", "0");
        long start = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("docker build failed:\n" + output);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Matcher built = CLI_BUILT.matcher(output);
        if (!built.find()) {
            throw new IllegalStateException("no image id in docker build output:\n" + output);
        }
        docker.removeImageCmd(built.group(1)).withForce(true).exec();
        Matcher sent = CLI_SENT.matcher(output);
        String sentSize = "?";
        while (sent.find()) {
            sentSize = sent.group(1);
        }
        return new CliResult(seconds, sentSize);
    }

    /** A node_modules-like tree (excluded) next to sources (sent): returns {total bytes, sent bytes, files}. */
    private static long[] createContext(Path context) throws IOException {
        Random random = new Random(42);
        byte[] packageFile = new byte[PACKAGE_FILE_SIZE];
        byte[] sourceFile = new byte[SOURCE_FILE_SIZE];
        long total = 0;
        long files = 0;
        for (int p = 0; p < PACKAGES; p++) {
            Path dir = Files.createDirectories(context.resolve("node_modules/pkg-" + p + "/lib"));
            for (int f = 0; f < FILES_PER_PACKAGE; f++) {
                random.nextBytes(packageFile);
                Files.write(dir.resolve("file-" + f + ".js"), packageFile);
                total += PACKAGE_FILE_SIZE;
                files++;
            }
        }
        long sent = 0;
        for (int s = 0; s < SOURCE_FILES; s++) {
            Path dir = Files.createDirectories(context.resolve("src/module-" + (s % 20)));
            random.nextBytes(sourceFile);
            Files.write(dir.resolve("source-" + s + ".ts"), sourceFile);
            total += SOURCE_FILE_SIZE;
            sent += SOURCE_FILE_SIZE;
            files++;
        }
        Files.writeString(context.resolve(".dockerignore"), "node_modules\n**/*.log\n.git\n");
        Files.writeString(context.resolve("Dockerfile"), "FROM docker-ci-test/busybox:1\nCOPY . /app\n");
        return new long[] {total, sent, files};
    }

    private void removeImages() {
        docker.listImagesCmd().withShowAll(true).withLabelFilter(Map.of(ManagedLabels.OWNER, owner)).exec()
                .forEach(image -> docker.removeImageCmd(image.getId()).withForce(true).exec());
    }

    private static void resetPeakHeap() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static String procStatus(String key) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith(key + ":"))
                .map(l -> l.substring(key.length() + 1).strip()).findFirst().orElse("?");
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private void writeReport(Path report, int runs, long[] sizes, List<Double> engine, List<Double> cli, String engineSent,
            String cliSent, long peakHeap) throws IOException {
        double engineMedian = median(engine);
        double cliMedian = median(cli);
        StringBuilder md = new StringBuilder();
        md.append("# Build benchmark: engine vs `DOCKER_BUILDKIT=0 docker build`\n\n");
        md.append("Measured ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append(" by `benchmarks/run BuildBenchmark` (").append(runs).append(" alternating runs each after one")
                .append(" unmeasured warm-up each; build cache on; same labels for both).\n\n");
        md.append("| item | value |\n|---|---|\n");
        md.append(row("machine", Runtime.getRuntime().availableProcessors() + " cores, Docker engine "
                + docker.versionCmd().exec().getVersion()));
        md.append(row("JVM", System.getProperty("java.version") + ", max heap "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MB (`" + String.join(" ",
                ManagementFactory.getRuntimeMXBean().getInputArguments()) + "`)"));
        md.append(row("context", String.format(Locale.ROOT, "%.0f MB in %d files; `.dockerignore` excludes `node_modules`"
                + " (%.0f%%)", sizes[0] / 1048576.0, sizes[2], 100.0 * (sizes[0] - sizes[1]) / sizes[0])));
        md.append(row("context sent", "engine " + engineSent + "; docker CLI " + cliSent));
        md.append(row("Dockerfile", "`FROM docker-ci-test/busybox:1` + `COPY . /app` (+ the 4 run labels)"));
        md.append("\n| runs (s) | engine | docker CLI |\n|---|---|---|\n");
        for (int i = 0; i < runs; i++) {
            md.append(String.format(Locale.ROOT, "| %d | %.2f | %.2f |%n", i + 1, engine.get(i), cli.get(i)));
        }
        md.append(String.format(Locale.ROOT, "| **median** | **%.2f** | **%.2f** |%n%n", engineMedian, cliMedian));
        md.append(String.format(Locale.ROOT, "**Ratio engine / CLI (median wall time): %.2f** (goal ≤ 1.0)%n%n",
                engineMedian / cliMedian));
        md.append(String.format(Locale.ROOT, "Engine peak heap used during the measured builds: **%.1f MB** (goal < 64 MB);"
                + " peak RSS of the benchmark JVM (VmHWM, whole process incl. JIT and the docker client): %s.%n%n",
                peakHeap / 1048576.0, procStatus("VmHWM")));
        md.append("Wall time of the engine is measured around `ImageBuilder.build` in a warm JVM; the CLI's includes"
                + " starting the `docker` process, as a user would see it. Both send the context uncompressed over the"
                + " local Unix socket; the daemon's own work (unpacking the context, COPY, label steps, commit) dominates.\n");
        Files.createDirectories(report.getParent());
        Files.writeString(report, md.toString(), StandardCharsets.UTF_8);
    }

    private static String row(String item, String value) {
        return "| " + item + " | " + value + " |\n";
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
