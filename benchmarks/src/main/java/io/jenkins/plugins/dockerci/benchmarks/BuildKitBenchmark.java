package io.jenkins.plugins.dockerci.benchmarks;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.dockerci.engine.BuildAttribution;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.build.BuildRequest;
import io.jenkins.plugins.dockerci.engine.build.BuilderChoice;
import io.jenkins.plugins.dockerci.engine.build.ImageBuilder;
import io.jenkins.plugins.dockerci.engine.cleanup.BuildCachePolicy;
import io.jenkins.plugins.dockerci.engine.cleanup.Cleaner;
import io.jenkins.plugins.dockerci.engine.cleanup.CleanupPolicy;
import io.jenkins.plugins.dockerci.engine.docker.DockerClients;
import io.jenkins.plugins.dockerci.engine.docker.DockerEndpoint;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceLedger;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * BuildKit through the engine, measured two ways, for the section "BuildKit" of {@code benchmarks/results/build.md}:
 *
 * <ol>
 *   <li>(a) against the daemon's floor: the same context as a tar posted with
 *   {@code curl --unix-socket … /build?version=2} (local base, so no session is needed), a fully cached rebuild and a
 *   build without cache, {@value #FLOOR_ROUNDS_PER_RUN} rounds per run, each engine run next to its curl run, in a
 *   warm JVM; the engine's overhead is the session, the archiving and the progress decoding;</li>
 *   <li>(c) against the classic builder, both through the engine, on a multi-stage Dockerfile whose first stage the
 *   target does not need (BuildKit skips it; the classic builder runs every stage), without cache.</li>
 * </ol>
 *
 * <p>Runs alone ({@code benchmarks/run BuildKitBenchmark [runs]}) or at the end of {@link BuildBenchmark}; either way
 * it replaces only its own section of the report. Usage: {@code BuildKitBenchmark [runs]} (default 7; (a) runs
 * {@value #FLOOR_ROUNDS_PER_RUN} times as many rounds).
 */
public final class BuildKitBenchmark {

    static final Path REPORT = Path.of("benchmarks", "results", "build.md");
    private static final String BEGIN = "<!-- BuildKitBenchmark: begin -->";
    private static final String END = "<!-- BuildKitBenchmark: end -->";
    private static final Pattern IMAGE_ID = Pattern.compile("\"moby\\.image\\.id\",\"aux\":\\{\"ID\":\"(sha256:[0-9a-f]{64})\"");
    private static final int SOURCE_FILES = 200;
    private static final int SOURCE_FILE_SIZE = 16 * 1024;
    private static final int WARM_UP_ROUNDS = 3;
    private static final int FLOOR_ROUNDS_PER_RUN = 3;

    private final DockerClient docker;
    private final DockerEndpoint endpoint;
    private final Cleaner cleaner;
    private final Path ledgers;
    private final String owner = "bench-bk-" + UUID.randomUUID().toString().substring(0, 8);
    private int runCounter;

    private BuildKitBenchmark(DockerClient docker, DockerEndpoint endpoint, Cleaner cleaner, Path ledgers) {
        this.docker = docker;
        this.endpoint = endpoint;
        this.cleaner = cleaner;
        this.ledgers = ledgers;
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        DockerEndpoint endpoint = DockerEndpoint.fromEnvironment();
        try (DockerClient docker = DockerClients.connect(endpoint)) {
            run(docker, endpoint, runs, REPORT);
        }
    }

    /** Measures and puts the section into {@code report} (replacing an earlier one, else at the end). */
    static void run(DockerClient docker, DockerEndpoint endpoint, int runs, Path report) throws Exception {
        if (!endpoint.host().startsWith("unix://")) {
            throw new IllegalStateException("the floor is measured with curl --unix-socket: run against a unix:// Docker host");
        }
        Path work = Files.createTempDirectory("buildkit-benchmark");
        try (Cleaner cleaner = Cleaner.open(endpoint, Cleaner.DEFAULT_CALL_TIMEOUT, LogSink.NONE)) {
            String section = new BuildKitBenchmark(docker, endpoint, cleaner, work.resolve("ledgers")).measure(work, runs);
            splice(report, section);
            System.out.println("BuildKit section written to " + report);
        } finally {
            deleteTree(work);
        }
    }

    private String measure(Path work, int runs) throws Exception {
        Path app = work.resolve("app");
        createApp(app);
        Path tar = work.resolve("app.tar");
        exec(List.of("tar", "-C", app.toString(), "-cf", tar.toString(), "."));
        Path multiStage = work.resolve("multi-stage");
        createMultiStage(multiStage);
        double loadAtStart = loadAverage();

        // warm-up: JIT, connection pool, the engine's caches for both contexts
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            engine(app, BuilderChoice.BUILDKIT, false);
            floor(tar, false);
        }
        engine(multiStage, BuilderChoice.BUILDKIT, true);
        engine(multiStage, BuilderChoice.CLASSIC, true);

        // (a) is cheap and close to the noise of a shared machine: more rounds, each engine run next to its curl run
        int rounds = runs * FLOOR_ROUNDS_PER_RUN;
        Samples cachedEngine = new Samples();
        Samples cachedFloor = new Samples();
        Samples coldEngine = new Samples();
        Samples coldFloor = new Samples();
        for (int i = 0; i < rounds; i++) {
            cachedEngine.add(engine(app, BuilderChoice.BUILDKIT, false));
            cachedFloor.add(floor(tar, false));
            coldFloor.add(floor(tar, true));
            coldEngine.add(engine(app, BuilderChoice.BUILDKIT, true));
            System.out.printf(Locale.ROOT, "round %d: cached %.3f/%.3f s, no cache %.3f/%.3f s%n", i + 1,
                    cachedEngine.last(), cachedFloor.last(), coldEngine.last(), coldFloor.last());
        }
        Samples multiBuildKit = new Samples();
        Samples multiClassic = new Samples();
        for (int i = 0; i < runs; i++) {
            multiClassic.add(engine(multiStage, BuilderChoice.CLASSIC, true));
            multiBuildKit.add(engine(multiStage, BuilderChoice.BUILDKIT, true));
            System.out.printf(Locale.ROOT, "run %d: multi-stage %.3f/%.3f s%n", i + 1, multiBuildKit.last(), multiClassic.last());
        }
        return report(runs, loadAtStart, cachedEngine, cachedFloor, coldEngine, coldFloor, multiBuildKit, multiClassic);
    }

    /**
     * One build through the engine; returns its wall time in seconds. The run's cleanup (not timed) removes what it
     * built, the classic builder's images of the stages the target does not need included, and keeps no cache.
     */
    private double engine(Path context, BuilderChoice builder, boolean noCache) {
        RunContext run = new RunContext(owner, "run-" + (++runCounter));
        ResourceLedger ledger = ResourceLedger.open(ledgers, run);
        EngineContext ctx = new EngineContext(docker, run, ledger);
        long start = System.nanoTime();
        new ImageBuilder(ctx).build(BuildRequest.builder(context).builder(builder).noCache(noCache).build(), LogSink.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        cleaner.cleanup(ledger, CleanupPolicy.REMOVE_ALL.withBuildCache(BuildCachePolicy.NONE));
        return seconds;
    }

    /** The same build posted by curl, tagged for its run as the engine tags it: the daemon's own time plus starting curl. */
    private double floor(Path tar, boolean noCache) throws Exception {
        RunContext run = new RunContext(owner, "run-" + (++runCounter));
        String url = "http://localhost/v1.41/build?version=2&dockerfile=Dockerfile&t="
                + URLEncoder.encode(BuildAttribution.runTag(run), StandardCharsets.UTF_8) + (noCache ? "&nocache=1" : "");
        List<String> command = List.of("curl", "-sS", "--fail", "--unix-socket", URI.create(endpoint.host()).getPath(), "-X", "POST",
                "-H", "Content-Type: application/x-tar", "--data-binary", "@" + tar, url);
        long start = System.nanoTime();
        String output = exec(command);
        double seconds = (System.nanoTime() - start) / 1e9;
        Matcher id = IMAGE_ID.matcher(output);
        if (!id.find() || output.contains("\"errorDetail\"")) {
            throw new IllegalStateException("the build posted by curl failed:\n" + output);
        }
        docker.removeImageCmd(id.group(1)).withForce(true).exec();
        return seconds;
    }

    /** A small app: 200 source files of 16 kB, a build step over them, a final step. */
    private static void createApp(Path app) throws IOException {
        Random random = new Random(7);
        byte[] content = new byte[SOURCE_FILE_SIZE];
        for (int i = 0; i < SOURCE_FILES; i++) {
            Path file = app.resolve("src/module-" + (i % 10) + "/source-" + i + ".txt");
            Files.createDirectories(file.getParent());
            random.nextBytes(content);
            Files.write(file, content);
        }
        Files.writeString(app.resolve("Dockerfile"), "FROM docker-ci-test/busybox:1\nWORKDIR /app\nCOPY . .\n"
                + "RUN find src -type f | wc -l > /app/files.txt\nCMD [\"cat\", \"/app/files.txt\"]\n");
    }

    /** A stage that runs the tests (2 s of work) that the release target does not need, a build stage, a release stage. */
    private static void createMultiStage(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("Dockerfile"), """
                FROM docker-ci-test/busybox:1 AS tests
                RUN echo running the test suite && sleep 2
                FROM docker-ci-test/busybox:1 AS build
                RUN echo compiled > /artifact
                FROM docker-ci-test/busybox:1 AS release
                COPY --from=build /artifact /artifact
                CMD ["cat", "/artifact"]
                """);
    }

    private String report(int runs, double loadAtStart, Samples cachedEngine, Samples cachedFloor, Samples coldEngine,
            Samples coldFloor, Samples multiBuildKit, Samples multiClassic) {
        StringBuilder md = new StringBuilder();
        md.append(BEGIN).append("\n## BuildKit (`BuildKitBenchmark`)\n\n");
        md.append("Measured ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" (")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Docker engine ")
                .append(docker.versionCmd().exec().getVersion())
                .append(String.format(Locale.ROOT, ", load average %.2f at the start and %.2f at the end).%n%n", loadAtStart,
                        loadAverage()));
        md.append("### #16 (a) BuildKit through the engine vs the daemon's floor\n\n");
        md.append("The engine builds with `builder: buildkit` in a warm JVM: it opens a BuildKit session (`POST /session`,"
                + " HTTP/2) while it archives the context straight into the build request (`POST /build?version=2`, on a"
                + " connection of its own) and decodes the progress. The floor is the same context as a tar file made"
                + " beforehand, posted by `curl --unix-socket /var/run/docker.sock -X POST 'http://localhost/v1.41/build?version=2&t=…'`"
                + " (no session: the base image is local), tagged with a run tag as the engine tags its builds; its time"
                + " includes starting curl. Context: " + SOURCE_FILES + " files of " + SOURCE_FILE_SIZE / 1024 + " kB;"
                + " Dockerfile `FROM` busybox, `COPY . .`, one `RUN`. " + cachedEngine.size() + " rounds after "
                + WARM_UP_ROUNDS + " unmeasured ones; each round runs engine and curl back to back (cached: engine first,"
                + " without cache: curl first), so the paired difference compares runs under the same load.\n\n");
        md.append("| seconds | engine: median (quartiles) | curl: median (quartiles) | engine − curl, paired: median"
                + " (quartiles) | ratio of the medians |\n|---|---|---|---|---|\n");
        md.append(comparison("fully cached rebuild", cachedEngine, cachedFloor));
        md.append(comparison("build without cache", coldEngine, coldFloor));
        md.append(String.format(Locale.ROOT, "%n**Ratio engine / floor (medians): fully cached rebuild %.2f, build without"
                + " cache %.2f** (goal ≤ 1.05; paired difference %+.0f ms and %+.0f ms).%n%n",
                cachedEngine.median() / cachedFloor.median(), coldEngine.median() / coldFloor.median(),
                Samples.pairedDifferences(cachedEngine, cachedFloor).median() * 1000,
                Samples.pairedDifferences(coldEngine, coldFloor).median() * 1000));
        md.append("What the engine does beyond the daemon's work, in the same wall time: archiving the context"
                + " (curl posts a tar made beforehand), which overlaps the upload, and opening the session, which overlaps"
                + " the upload too (the engine waits for the session only when the build first calls into it); on this"
                + " 2-core machine both cost CPU the daemon could use. curl's time includes starting its process. Single runs"
                + " on this shared machine vary by far more than the difference, in both directions.\n\n");
        md.append("<details><summary>every round</summary>\n\n");
        md.append("| round (s) | cached: engine | cached: curl | no cache: curl | no cache: engine |\n|---|---|---|---|---|\n");
        for (int i = 0; i < cachedEngine.size(); i++) {
            md.append(String.format(Locale.ROOT, "| %d | %.3f | %.3f | %.3f | %.3f |%n", i + 1, cachedEngine.get(i),
                    cachedFloor.get(i), coldFloor.get(i), coldEngine.get(i)));
        }
        md.append("\n</details>\n\n");
        md.append("### #16 (c) BuildKit vs the classic builder on a multi-stage Dockerfile with an unused stage\n\n");
        md.append("Both through the engine, without cache, ").append(runs).append(" alternating runs of each after one"
                + " unmeasured warm-up. The Dockerfile has a `tests` stage (2 s of work) that the final"
                + " `release` stage does not use, a `build` stage, and `release` copying the build's artifact: BuildKit"
                + " builds only what `release` needs; the classic builder runs every stage.\n\n");
        md.append("| runs (s) | BuildKit | classic |\n|---|---|---|\n");
        for (int i = 0; i < runs; i++) {
            md.append(String.format(Locale.ROOT, "| %d | %.3f | %.3f |%n", i + 1, multiBuildKit.get(i), multiClassic.get(i)));
        }
        md.append(String.format(Locale.ROOT, "| **median** | **%.3f** | **%.3f** |%n%n", multiBuildKit.median(),
                multiClassic.median()));
        md.append(String.format(Locale.ROOT, "**BuildKit / classic (median): %.2f** (%.1f s saved per build).%n%n",
                multiBuildKit.median() / multiClassic.median(), multiClassic.median() - multiBuildKit.median()));
        md.append("The machine is shared with other developers' builds and tests: single runs vary; the medians and the"
                + " ratios are what to compare, and a quiet machine gives the reference numbers.\n").append(END).append('\n');
        return md.toString();
    }

    private static String comparison(String what, Samples engine, Samples floor) {
        Samples paired = Samples.pairedDifferences(engine, floor);
        return String.format(Locale.ROOT, "| %s | %.3f (%.3f–%.3f) | %.3f (%.3f–%.3f) | %+.3f (%+.3f – %+.3f) | %.2f |%n", what,
                engine.median(), engine.quartile(1), engine.quartile(3), floor.median(), floor.quartile(1), floor.quartile(3),
                paired.median(), paired.quartile(1), paired.quartile(3), engine.median() / floor.median());
    }

    /** Replaces the section between the markers, or appends it. */
    static void splice(Path report, String section) throws IOException {
        String current = Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8) : "";
        int begin = current.indexOf(BEGIN);
        int end = current.indexOf(END);
        String updated;
        if (begin >= 0 && end > begin) {
            updated = current.substring(0, begin) + section + current.substring(end + END.length()).replaceFirst("^\n", "");
        } else {
            updated = current + (current.isEmpty() || current.endsWith("\n\n") ? "" : current.endsWith("\n") ? "\n" : "\n\n") + section;
        }
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, updated, StandardCharsets.UTF_8);
    }

    private static String exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    /** The one-minute load average, or NaN where there is none. */
    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Wall times in seconds. */
    private static final class Samples {
        private final List<Double> values = new ArrayList<>();

        /** {@code a[i] - b[i]} for each run both have. */
        static Samples pairedDifferences(Samples a, Samples b) {
            Samples differences = new Samples();
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                differences.add(a.get(i) - b.get(i));
            }
            return differences;
        }

        void add(double seconds) {
            values.add(seconds);
        }

        double get(int i) {
            return values.get(i);
        }

        int size() {
            return values.size();
        }

        double last() {
            return values.get(values.size() - 1);
        }

        double median() {
            return quartile(2);
        }

        /** The first, second (median) or third quartile, interpolated between the two nearest values. */
        double quartile(int which) {
            List<Double> sorted = values.stream().sorted().toList();
            double position = (sorted.size() - 1) * which / 4.0;
            int below = (int) Math.floor(position);
            int above = (int) Math.ceil(position);
            return sorted.get(below) + (sorted.get(above) - sorted.get(below)) * (position - below);
        }
    }
}
