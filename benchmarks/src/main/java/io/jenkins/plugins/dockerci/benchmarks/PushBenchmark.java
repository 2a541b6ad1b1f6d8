package io.jenkins.plugins.dockerci.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.docker.DockerClients;
import io.jenkins.plugins.dockerci.engine.docker.DockerEndpoint;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import io.jenkins.plugins.dockerci.engine.push.ImagePublisher;
import io.jenkins.plugins.dockerci.engine.push.PushRequest;
import io.jenkins.plugins.dockerci.engine.push.PushResult;
import io.jenkins.plugins.dockerci.engine.push.RetryPolicy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Push scenario: a ~100 MB image of random data pushed to the anonymous local registry by the engine
 * ({@link ImagePublisher}) and by {@code docker push}, alternating which goes first, a fresh image and repository
 * for every push (so no layer is already in the registry or mountable from another repository). Only the push is
 * timed; building the image is not. Writes {@code benchmarks/results/push.md}.
 *
 * <p>Arguments (all optional): {@code runs} (per tool, default 5), {@code megabytes} (default 100). The registry is
 * {@code DOCKER_CI_REGISTRY_ANONYMOUS} or {@code 127.0.0.1:5000}. Afterwards it removes every image, manifest, layer
 * link and (when {@code DOCKER_CI_REGISTRY_STORAGE} or the docker-env default points at the registry's storage) the
 * layer data it pushed.
 */
public final class PushBenchmark {

    private static final String BASE = "docker-ci-test/busybox:1";
    private static final String MANIFEST_V2 = "application/vnd.docker.distribution.manifest.v2+json";

    private final DockerClient docker;
    private final String registry;
    private final RunContext run = new RunContext("bench-push", "run-" + UUID.randomUUID().toString().substring(0, 8));
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Path dockerConfig;
    private final List<String> pushedRepositories = new ArrayList<>();
    private final List<String> pushedBlobs = new ArrayList<>();
    private final int baseLayers;

    private PushBenchmark(DockerClient docker, String registry) throws IOException {
        this.docker = docker;
        this.registry = registry;
        // the CLI gets an empty configuration: no stored login, no credential helper
        this.dockerConfig = Files.createTempDirectory("push-bench-docker-config");
        this.baseLayers = docker.inspectImageCmd(BASE).exec().getRootFS().getLayers().size();
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int megabytes = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        String registry = System.getenv().getOrDefault("DOCKER_CI_REGISTRY_ANONYMOUS", "127.0.0.1:5000");
        try (DockerClient docker = DockerClients.connect(DockerEndpoint.fromEnvironment())) {
            PushBenchmark bench = new PushBenchmark(docker, registry);
            try {
                bench.report(bench.measure(runs, megabytes), runs, megabytes);
            } finally {
                bench.cleanUp();
            }
        }
    }

    private record Sample(String tool, int run, double seconds, String digest, long imageBytes, int logLines) {
    }

    private List<Sample> measure(int runs, int megabytes) throws Exception {
        List<Sample> samples = new ArrayList<>();
        // one untimed push each, so class loading and the first connections are not measured
        pushWithEngine(buildImage(1));
        pushWithCli(buildImage(1));
        for (int i = 1; i <= runs; i++) {
            boolean engineFirst = i % 2 == 1;
            for (int j = 0; j < 2; j++) {
                String image = buildImage(megabytes);
                Sample sample = (j == 0) == engineFirst ? pushWithEngine(image) : pushWithCli(image);
                samples.add(new Sample(sample.tool(), i, sample.seconds(), sample.digest(), sample.imageBytes(), sample.logLines()));
                System.out.printf(Locale.ROOT, "run %d %-6s %.3f s%n", i, sample.tool(), sample.seconds());
            }
        }
        return samples;
    }

    private Sample pushWithEngine(String imageId) {
        String target = newRepository() + ":1";
        AtomicInteger lines = new AtomicInteger();
        EngineContext ctx = new EngineContext(docker, run, ResourceTracker.NONE);
        PushRequest request = PushRequest.builder(imageId).target(target).retry(RetryPolicy.NONE).build();
        long start = System.nanoTime();
        PushResult result = new ImagePublisher(ctx).push(request, (kind, text) -> lines.incrementAndGet());
        double seconds = (System.nanoTime() - start) / 1e9;
        return sample("engine", imageId, seconds, result.pushed().get(0).digest(), lines.get());
    }

    private Sample pushWithCli(String imageId) throws IOException, InterruptedException {
        String target = newRepository() + ":1";
        docker.tagImageCmd(imageId, target.substring(0, target.lastIndexOf(':')), "1").exec();
        ProcessBuilder cli = new ProcessBuilder("docker", "push", target).redirectErrorStream(true);
        cli.environment().put("DOCKER_CONFIG", dockerConfig.toString());
        long start = System.nanoTime();
        Process process = cli.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException("docker push " + target + " failed (" + exit + "): " + output);
        }
        String digest = output.lines().filter(l -> l.contains("digest: ")).map(l -> l.replaceAll(".*digest: (\\S+).*", "$1"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no digest in: " + output));
        return sample("docker", imageId, seconds, digest, (int) output.lines().count());
    }

    private Sample sample(String tool, String imageId, double seconds, String digest, int logLines) {
        long size = docker.inspectImageCmd(imageId).exec().getSize();
        docker.removeImageCmd(imageId).withForce(true).exec();
        return new Sample(tool, 0, seconds, digest, size, logLines);
    }

    private String newRepository() {
        String repository = "bench/push-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        pushedRepositories.add(repository);
        return registry + "/" + repository;
    }

    /** A new image whose top layer is {@code megabytes} of random data, labelled with the benchmark's run labels. */
    private String buildImage(int megabytes) throws IOException {
        String dockerfile = "FROM " + BASE + "\nRUN head -c " + (megabytes * 1024L * 1024L) + " /dev/urandom > /payload.bin\n";
        ByteArrayOutputStream context = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(context)) {
            byte[] data = dockerfile.getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry("Dockerfile");
            entry.setSize(data.length);
            tar.putArchiveEntry(entry);
            tar.write(data);
            tar.closeArchiveEntry();
        }
        String id = docker.buildImageCmd(new ByteArrayInputStream(context.toByteArray()))
                .withLabels(run.labels()).withNoCache(true).withForcerm(true)
                .exec(new BuildImageResultCallback()).awaitImageId(5, TimeUnit.MINUTES);
        return docker.inspectImageCmd(id).exec().getId();
    }

    private void report(List<Sample> samples, int runs, int megabytes) throws IOException {
        double engine = median(samples, "engine");
        double cli = median(samples, "docker");
        double ratio = engine / cli;
        StringBuilder md = new StringBuilder();
        md.append("# Push benchmark: engine vs `docker push`\n\n")
                .append("Measured ").append(Instant.now().toString(), 0, 16).append(" UTC by `benchmarks/run PushBenchmark")
                .append(runs == 5 && megabytes == 100 ? "" : " " + runs + " " + megabytes).append("`.\n\n")
                .append("Scenario: an image `FROM ").append(BASE).append("` plus one layer of ").append(megabytes)
                .append(" MiB of random data (built fresh, untimed, before every push, so no layer exists in the registry or can be")
                .append(" mounted from another repository), pushed to the anonymous registry `").append(registry)
                .append("` into a new repository each time. The engine run is the whole `ImagePublisher.push` (inspect, tag,")
                .append(" push, result); the `docker push` run is the CLI process (the tag is added untimed before it), with an empty")
                .append(" `DOCKER_CONFIG`. The two alternate which goes first; one untimed warm-up push each precedes the runs.")
                .append(" Log lines: the lines the engine sent to its log sink, and the lines `docker push` printed (not a terminal).\n\n")
                .append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs, Docker engine ")
                .append(docker.versionCmd().exec().getVersion()).append(", Java ").append(System.getProperty("java.version"))
                .append(". Other work was running on the machine at the same time, so single runs vary.\n\n")
                .append("| run | tool | seconds | image size | log lines | digest |\n|---|---|---|---|---|---|\n");
        for (Sample s : samples) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %.3f | %.1f MB | %d | `%s…` |%n", s.run(), s.tool(), s.seconds(),
                    s.imageBytes() / 1e6, s.logLines(), s.digest().substring(0, 19)));
        }
        md.append(String.format(Locale.ROOT, "%n| | median (s) |%n|---|---|%n| engine | %.3f |%n| docker push | %.3f |%n"
                + "| **ratio engine / docker** | **%.3f** |%n%n", engine, cli, ratio));
        md.append(ratio <= 1.05
                ? "Goal (ratio ≤ 1.05) met: the daemon does the work, the engine adds no measurable overhead.\n"
                : "Goal (ratio ≤ 1.05) **not met** in this measurement; see the single runs for the spread.\n");
        Path out = Path.of("benchmarks", "results", "push.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
        System.out.print(md);
    }

    private static double median(List<Sample> samples, String tool) {
        double[] values = samples.stream().filter(s -> s.tool().equals(tool)).mapToDouble(Sample::seconds).sorted().toArray();
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    /** Removes the pushed manifests and layer links through the registry's API, then this run's layer data from its storage. */
    private void cleanUp() throws IOException, InterruptedException {
        for (String repository : pushedRepositories) {
            HttpResponse<String> manifest = send(HttpRequest.newBuilder(uri(repository, "manifests/1")).header("Accept", MANIFEST_V2).GET());
            if (manifest.statusCode() != 200) {
                continue;
            }
            String digest = manifest.headers().firstValue("Docker-Content-Digest").orElseThrow();
            JsonNode body = json.readTree(manifest.body());
            List<String> blobs = new ArrayList<>();
            blobs.add(digest);
            blobs.add(body.path("config").path("digest").asText());
            JsonNode layers = body.path("layers");
            // the base image's layers are shared with everyone else: only the layers built here are removed
            for (int i = baseLayers; i < layers.size(); i++) {
                blobs.add(layers.get(i).path("digest").asText());
            }
            send(HttpRequest.newBuilder(uri(repository, "manifests/" + digest)).DELETE());
            for (String blob : blobs) {
                send(HttpRequest.newBuilder(uri(repository, "blobs/" + blob)).DELETE());
            }
            pushedBlobs.addAll(blobs);
        }
        removeStorage();
        docker.listImagesCmd().withLabelFilter(Map.of("io.jenkins.dockerci.run", run.runId())).exec()
                .forEach(i -> docker.removeImageCmd(i.getId()).withForce(true).exec());
        Files.deleteIfExists(dockerConfig);
    }

    /** The registry keeps deleted layers on disk until garbage collection; the random layers here are this run's alone. */
    private void removeStorage() throws IOException {
        String configured = System.getenv("DOCKER_CI_REGISTRY_STORAGE");
        Path storage = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".local", "state", "docker-ci-steps", "registry", "data5000");
        Path v2 = storage.resolve("docker/registry/v2");
        if (!Files.isDirectory(v2)) {
            System.out.println("Registry storage " + storage + " not found: the pushed layers stay until the registry's garbage collection.");
            return;
        }
        // the manifest is stored as a blob too; the two-character fan-out directories are shared and stay
        for (String blob : pushedBlobs) {
            String hex = blob.substring("sha256:".length());
            deleteTree(v2.resolve("blobs/sha256/" + hex.substring(0, 2) + "/" + hex));
        }
        for (String repository : pushedRepositories) {
            deleteTree(v2.resolve("repositories/" + repository));
        }
        Path parent = v2.resolve("repositories/bench");
        if (Files.isDirectory(parent)) {
            try (Stream<Path> left = Files.list(parent)) {
                if (left.findAny().isEmpty()) {
                    Files.delete(parent);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private URI uri(String repository, String rest) {
        return URI.create("http://" + registry + "/v2/" + repository + "/" + rest);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
