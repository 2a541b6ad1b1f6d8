package io.jenkins.plugins.dockerci.benchmarks;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.build.BuildRequest;
import io.jenkins.plugins.dockerci.engine.build.BuilderChoice;
import io.jenkins.plugins.dockerci.engine.build.BuiltImage;
import io.jenkins.plugins.dockerci.engine.build.ImageBuilder;
import io.jenkins.plugins.dockerci.engine.cleanup.BuildCachePolicy;
import io.jenkins.plugins.dockerci.engine.cleanup.Cleaner;
import io.jenkins.plugins.dockerci.engine.cleanup.CleanupPolicy;
import io.jenkins.plugins.dockerci.engine.docker.DockerClients;
import io.jenkins.plugins.dockerci.engine.docker.DockerEndpoint;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceLedger;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The classic-path image build against the script users would write, {@code DOCKER_BUILDKIT=0 docker build -q} with no
 * labels, side by side in one run (issue #13's benchmarks and #16's benchmark (b)):
 * <ol>
 *   <li><b>fully cached rebuild</b> of an unchanged project whose Dockerfile has a slow {@code RUN} step (a
 *       {@code sleep 5} standing in for a dependency install); every engine build is followed by the run's cleanup
 *       with the default build cache policy, so each measured build also proves that cleanup kept the cache;</li>
 *   <li><b>uncached COPY</b> of a 30 MB context next to 270 MB that {@code .dockerignore} excludes (one source file
 *       changes before every build, for every contender);</li>
 *   <li>the <b>cost of run attribution</b> per build: what the engine's build costs beyond the plain one in each of
 *       the two cases (an upper bound: it includes every other overhead of the engine as well).</li>
 * </ol>
 * Contenders, alternating, {@code runs} times each (default 5) after one unmeasured warm-up each: the engine's
 * {@code ImageBuilder} in this warm JVM; the plain docker CLI as a whole process; and, when
 * {@code docker-ci-cli/target/docker-ci.jar} exists, {@code docker-ci run --only build} as a whole process (JVM start
 * and cleanup included), both as users start it ({@code bin/docker-ci}, with its class data sharing archive, which the
 * warm-up run records) and as a bare {@code java -jar}.
 * Writes {@code benchmarks/results/build.md}. Usage: {@code BuildBenchmark [runs]}.
 */
public final class BuildBenchmark {

    /** The CLI as users start it from a checkout (run from the checkout's root, as {@code benchmarks/run} does). */
    private static final String LAUNCHER = Path.of("bin", "docker-ci").toAbsolutePath().toString();
    private static final int PACKAGES = 1000;
    private static final int FILES_PER_PACKAGE = 5;
    private static final int PACKAGE_FILE_SIZE = 54 * 1024;
    private static final int SOURCE_FILES = 300;
    private static final int SOURCE_FILE_SIZE = 100 * 1024;
    private static final String FROM = "FROM docker-ci-test/busybox:1\n";

    private final DockerClient docker;
    private final DockerEndpoint endpoint;
    private final Path work;
    private final String owner = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    private final Set<String> plainImages = new LinkedHashSet<>();
    private final Random random = new Random(42);
    private int runCounter;

    private BuildBenchmark(DockerClient docker, DockerEndpoint endpoint, Path work) {
        this.docker = docker;
        this.endpoint = endpoint;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path work = Files.createTempDirectory("build-benchmark");
        DockerEndpoint endpoint = DockerEndpoint.fromEnvironment();
        try (DockerClient docker = DockerClients.connect(endpoint)) {
            new BuildBenchmark(docker, endpoint, work).run(runs, BuildKitBenchmark.REPORT);
            // the BuildKit comparisons in the same run, in their own section of the same report
            BuildKitBenchmark.run(docker, endpoint, runs, BuildKitBenchmark.REPORT);
        } finally {
            deleteTree(work);
        }
    }

    /** One contender's wall times in one scenario, and what it saw. */
    private record Series(String name, List<Double> seconds, List<String> notes) {

        Series(String name) {
            this(name, new ArrayList<>(), new ArrayList<>());
        }

        double median() {
            List<Double> sorted = seconds.stream().sorted().toList();
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
    }

    /** A project to build, and what changes before each build. */
    private interface Project {
        Path context();

        void beforeBuild() throws IOException;
    }

    private void run(int runs, Path report) throws Exception {
        String loadBefore = loadAverage();
        Path cli = Path.of("docker-ci-cli", "target", "docker-ci.jar");
        boolean withCli = Files.isRegularFile(cli);
        Double jvmStart = withCli ? timeProcess(List.of(LAUNCHER, "--version"), Map.of()) : null;
        try (Cleaner cleaner = Cleaner.open(endpoint, Cleaner.DEFAULT_CALL_TIMEOUT, LogSink.NONE)) {
            Project cached = cachedProject();
            List<Series> cachedSeries = measure(cached, runs, withCli ? cli : null, cleaner);
            Project uncached = uncachedProject();
            List<Series> uncachedSeries = measure(uncached, runs, withCli ? cli : null, cleaner);
            writeReport(report, runs, loadBefore, loadAverage(), jvmStart, cachedSeries, uncachedSeries);
        } finally {
            removeEverything();
        }
        System.out.println("Report written to " + report);
    }

    /** A small app whose dependency install (a 5 s RUN) must come from the cache. */
    private Project cachedProject() throws IOException {
        Path context = Files.createDirectories(work.resolve("cached"));
        Files.writeString(context.resolve("Dockerfile"), FROM + "RUN sleep 5 && echo " + owner + " > /deps\n"
                + "COPY app.txt /app/app.txt\nCMD [\"cat\", \"/app/app.txt\"]\n");
        Files.writeString(context.resolve("app.txt"), "unchanged\n");
        writeFlowFile(context);
        return new Project() {
            @Override
            public Path context() {
                return context;
            }

            @Override
            public void beforeBuild() {
                // unchanged: every step must be cached
            }
        };
    }

    /** 270 MB that .dockerignore excludes next to 30 MB of sources, one of which changes before every build. */
    private Project uncachedProject() throws IOException {
        Path context = Files.createDirectories(work.resolve("uncached"));
        byte[] packageFile = new byte[PACKAGE_FILE_SIZE];
        for (int p = 0; p < PACKAGES; p++) {
            Path dir = Files.createDirectories(context.resolve("node_modules/pkg-" + p + "/lib"));
            for (int f = 0; f < FILES_PER_PACKAGE; f++) {
                random.nextBytes(packageFile);
                Files.write(dir.resolve("file-" + f + ".js"), packageFile);
            }
        }
        byte[] sourceFile = new byte[SOURCE_FILE_SIZE];
        for (int s = 0; s < SOURCE_FILES; s++) {
            Path dir = Files.createDirectories(context.resolve("src/module-" + (s % 20)));
            random.nextBytes(sourceFile);
            Files.write(dir.resolve("source-" + s + ".ts"), sourceFile);
        }
        Files.writeString(context.resolve(".dockerignore"), "node_modules\n**/*.log\n.git\n");
        Files.writeString(context.resolve("Dockerfile"), FROM + "COPY . /app\n");
        writeFlowFile(context);
        Path changing = context.resolve("src/module-0/source-0.ts");
        return new Project() {
            @Override
            public Path context() {
                return context;
            }

            @Override
            public void beforeBuild() throws IOException {
                random.nextBytes(sourceFile);
                Files.write(changing, sourceFile);
            }
        };
    }

    private static void writeFlowFile(Path context) throws IOException {
        Files.writeString(context.resolve("docker-ci.yml"), "dockerBuild:\n  context: .\n  builder: classic\n");
    }

    private List<Series> measure(Project project, int runs, Path cli, Cleaner cleaner) throws Exception {
        Series engine = new Series("engine, warm JVM");
        Series plain = new Series("`DOCKER_BUILDKIT=0 docker build -q`");
        Series launcher = new Series("`bin/docker-ci run --only build`");
        Series bareJar = new Series("`java -jar docker-ci.jar run --only build`");
        for (int i = 0; i <= runs; i++) {
            boolean warmUp = i == 0;
            project.beforeBuild();
            double e = engineBuild(project.context(), cleaner, warmUp ? null : engine.notes());
            project.beforeBuild();
            double p = plainBuild(project.context());
            double c = 0;
            double j = 0;
            if (cli != null) {
                project.beforeBuild();
                c = cliBuild(project.context(), List.of(LAUNCHER));
                project.beforeBuild();
                j = cliBuild(project.context(), List.of("java", "-jar", cli.toAbsolutePath().toString()));
            }
            if (!warmUp) {
                engine.seconds().add(e);
                plain.seconds().add(p);
                if (cli != null) {
                    launcher.seconds().add(c);
                    bareJar.seconds().add(j);
                }
                System.out.printf(Locale.ROOT, "%s run %d: engine %.2f s, plain %.2f s, bin/docker-ci %.2f s, java -jar %.2f s%n",
                        project.context().getFileName(), i, e, p, c, j);
            }
        }
        return cli == null ? List.of(engine, plain) : List.of(engine, plain, launcher, bareJar);
    }

    /** The build alone is timed; the run's cleanup follows with the default policy, as a real run's would. */
    private double engineBuild(Path context, Cleaner cleaner, List<String> notes) {
        RunContext run = new RunContext(owner, "run-" + (++runCounter));
        ResourceLedger ledger = ResourceLedger.open(work.resolve("ledgers"), run);
        List<String> log = new ArrayList<>();
        long start = System.nanoTime();
        BuiltImage image = new ImageBuilder(new EngineContext(docker, run, ledger))
                .build(BuildRequest.builder(context).builder(BuilderChoice.CLASSIC).build(), (kind, text) -> log.add(text));
        double seconds = (System.nanoTime() - start) / 1e9;
        cleaner.cleanup(ledger, CleanupPolicy.REMOVE_ALL);
        if (notes != null) {
            long steps = log.stream().filter(line -> line.matches("Step \\d+/\\d+ : .*")).count();
            long cached = log.stream().filter(" ---> Using cache"::equals).count();
            notes.add(cached + " of " + (steps - 1) + " steps cached, image " + image.imageId().substring(7, 19));
        }
        return seconds;
    }

    private double plainBuild(Path context) throws IOException, InterruptedException {
        List<String> output = new ArrayList<>();
        double seconds = timeProcess(List.of("docker", "build", "-q", context.toString()), Map.of("DOCKER_BUILDKIT", "0"), output);
        plainImages.add(output.get(output.size() - 1).strip());
        return seconds;
    }

    private double cliBuild(Path context, List<String> dockerCi) throws IOException, InterruptedException {
        Map<String, String> env = Map.of("DOCKER_CI_OWNER", owner, "DOCKER_CI_HOME", work.resolve("cli-state").toString());
        List<String> command = new ArrayList<>(dockerCi);
        command.addAll(List.of("run", "--only", "build", "-q", "--no-color", "-f", context.resolve("docker-ci.yml").toString()));
        return timeProcess(command, env);
    }

    private static double timeProcess(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        return timeProcess(command, env, new ArrayList<>());
    }

    private static double timeProcess(List<String> command, Map<String, String> env, List<String> output)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + text);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        output.addAll(text.lines().toList());
        return seconds;
    }

    /** The bench owner's cache (and so its layers), then the plain builds' images. */
    private void removeEverything() throws IOException {
        try (Cleaner cleaner = Cleaner.open(endpoint, Cleaner.DEFAULT_CALL_TIMEOUT, LogSink.NONE)) {
            cleaner.trimBuildCache(owner, BuildCachePolicy.NONE, false);
        }
        for (String image : plainImages) {
            try {
                docker.removeImageCmd(image).exec();
            } catch (DockerException goneOrAParent) {
                // pruned with the cache already, or the parent of another plain image removed next
            }
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private void writeReport(Path report, int runs, String loadBefore, String loadAfter, Double jvmStart,
                             List<Series> cached, List<Series> uncached) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Build benchmark: the classic path vs `DOCKER_BUILDKIT=0 docker build -q`\n\n");
        md.append("Measured ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" by `benchmarks/run BuildBenchmark` (")
                .append(runs).append(" alternating runs of each contender after one unmeasured warm-up each). Issue #13's")
                .append(" benchmarks (a)–(c) and #16's (b).\n\n");
        md.append("| item | value |\n|---|---|\n");
        md.append(row("machine", Runtime.getRuntime().availableProcessors() + " cores, Docker engine "
                + docker.versionCmd().exec().getVersion() + ", classic builder"));
        md.append(row("load average (1/5/15 min)", "before " + loadBefore + ", after " + loadAfter
                + " — the machine is shared; numbers under load are noisy"));
        List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        md.append(row("JVM", System.getProperty("java.version") + ", max heap " + (Runtime.getRuntime().maxMemory() >> 20)
                + " MB" + (jvmOptions.isEmpty() ? "" : " (`" + String.join(" ", jvmOptions) + "`)")));
        md.append(row("attribution", "no labels of ours in the build; the run tag `docker-ci-run/<owner>:<run>` is applied with"
                + " the build's tags; cleanup keeps the image as build cache under `docker-ci-cache/<owner>:<id>` (default"
                + " policy) — see `BuildAttribution`"));
        md.append(row("plain CLI", "no labels, no tag, `-q`, whole process"));
        if (jvmStart != null) {
            md.append(row("`bin/docker-ci --version`", String.format(Locale.ROOT, "%.2f s (JVM start floor of the CLI rows)", jvmStart)));
        }
        section(md, "(a) Fully cached rebuild of an unchanged project with a slow `RUN` (also #16 (b))",
                "`" + FROM.strip() + "`, `RUN sleep 5 && echo … > /deps`, `COPY app.txt`, `CMD`; every engine build is followed by"
                        + " the run's cleanup with the default build cache policy (not timed).", cached, 0.15, false);
        section(md, "(b) Uncached `COPY` of a 30 MB context, 270 MB excluded by `.dockerignore`",
                "`" + FROM.strip() + "`, `COPY . /app`; 300 files of 100 KB are sent, 5000 files (270 MB) under `node_modules` are"
                        + " ignored; one source file changes before every build.", uncached, 1.1, true);
        md.append("## (c) Cost of run attribution per build\n\n");
        md.append(String.format(Locale.ROOT, "Engine in a warm JVM minus the plain CLI, medians: **%+.2f s** fully cached, **%+.2f s**"
                        + " uncached (goal ≤ 0.1 s). These are upper bounds: they hold every difference between the two, not only"
                        + " the attribution, which is one more name on the build's tag list (no `LABEL` step: see"
                        + " `BuildAttribution` for why labels of ours stay out of the build).%n%n",
                cached.get(0).median() - cached.get(1).median(), uncached.get(0).median() - uncached.get(1).median()));
        Files.createDirectories(report.getParent());
        Files.writeString(report, md.toString(), StandardCharsets.UTF_8);
    }

    private static void section(StringBuilder md, String title, String setup, List<Series> series, double goal, boolean ratioGoal) {
        md.append("\n## ").append(title).append("\n\n").append(setup).append("\n\n| run (s) |");
        series.forEach(s -> md.append(' ').append(s.name()).append(" |"));
        md.append("\n|---|").append("---|".repeat(series.size())).append('\n');
        for (int i = 0; i < series.get(0).seconds().size(); i++) {
            md.append("| ").append(i + 1).append(" |");
            for (Series s : series) {
                md.append(String.format(Locale.ROOT, " %.2f |", s.seconds().get(i)));
            }
            md.append('\n');
        }
        md.append("| **median** |");
        series.forEach(s -> md.append(String.format(Locale.ROOT, " **%.2f** |", s.median())));
        md.append("\n\n");
        double engine = series.get(0).median();
        double plain = series.get(1).median();
        md.append(ratioGoal
                ? String.format(Locale.ROOT, "Engine / plain CLI: **%.2f×** (goal ≤ %.2f×).", engine / plain, goal)
                : String.format(Locale.ROOT, "Engine − plain CLI: **%+.2f s** (goal ≤ +%.2f s).", engine - plain, goal));
        if (series.size() > 3) {
            double launcher = series.get(2).median();
            double bareJar = series.get(3).median();
            md.append(String.format(Locale.ROOT, " Through the CLI: `bin/docker-ci run --only build` − plain CLI: **%+.2f s** (%.2f×);"
                    + " that process also starts a JVM (see `bin/docker-ci --version`), loads docker-java, reads the flow file,"
                    + " writes the ledger and runs the cleanup (and the cache trim) before it exits. Class data sharing"
                    + " (`bin/docker-ci`) saves %.2f s of a bare `java -jar` run.", launcher - plain, launcher / plain,
                    bareJar - launcher));
        }
        md.append("\n\nEngine builds: ").append(summarise(series.get(0).notes())).append("\n\n");
    }

    /** "5 × 3 of 3 steps cached, image 0123456789ab" */
    private static String summarise(List<String> notes) {
        Map<String, Integer> counts = new HashMap<>();
        notes.forEach(n -> counts.merge(n.replaceAll(", image [0-9a-f]+", ""), 1, Integer::sum));
        Set<String> images = new LinkedHashSet<>();
        notes.forEach(n -> images.add(n.replaceAll(".*image ", "")));
        return String.join("; ", counts.entrySet().stream().map(e -> e.getValue() + " × " + e.getKey()).sorted().toList())
                + " (" + images.size() + " distinct image id(s))";
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
