package io.jenkins.plugins.dockerci.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The context the engine sends is the context the docker CLI sends: for each case, the same tree and
 * {@code .dockerignore} are built by {@code DOCKER_BUILDKIT=0 docker build} and by {@link ImageBuilder} with each of
 * its builders, each image lists what {@code COPY . /ctx} received, and the listings must be equal.
 */
class DockerignoreConformanceIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    private static final Pattern BUILT = Pattern.compile("Successfully built ([0-9a-f]{12})");

    @TempDir
    Path tmp;

    static Stream<Arguments> cases() {
        return ignoreCases().flatMap(arguments -> Stream.of(BuilderChoice.CLASSIC, BuilderChoice.BUILDKIT)
                .map(builder -> Arguments.of(builder, arguments.get()[0], arguments.get()[1], arguments.get()[2], arguments.get()[3])));
    }

    private static Stream<Arguments> ignoreCases() {
        return Stream.of(
                ignore("no patterns", ""),
                ignore("star at the top level only", "*.txt"),
                ignore("star alone", "*"),
                ignore("double star then name", "**/*.txt"),
                ignore("directory by name", "dir"),
                ignore("trailing slash is cleaned", "dir/"),
                ignore("leading slash is stripped", "/dir/sub"),
                ignore("leading dot slash is stripped", "./dir/sub"),
                ignore("star does not cross slash", "dir/*"),
                ignore("star in the middle", "dir/*/deep"),
                ignore("double star prefix matches at any depth", "**/sub"),
                ignore("exception inside an excluded directory", "node_modules\n!node_modules/pkg/keep.md"),
                ignore("exception for one file at depth", "**/*.log\n!logs/keep/important.log"),
                ignore("exception re-includes a directory", "logs\n!logs/keep"),
                ignore("exclude everything but src", "**\n!src"),
                ignore("everything but markdown", "*\n!*.md"),
                ignore("character class", "[ab].txt"),
                ignore("negated character class", "[^a].txt"),
                ignore("character range", "[a-c]*"),
                ignore("question mark", "?.txt"),
                ignore("escaped brackets", "file\\[1\\].txt"),
                ignore("escaped star", "star\\*.txt"),
                ignore("escaped question mark", "q\\?.txt"),
                ignore("comments, blank lines and spaces", "# a comment\n\n   a.txt   \n\t\n"),
                ignore("hash not in the first column is a pattern", " #hash.txt"),
                ignore("Dockerfile and .dockerignore are always sent", "Dockerfile\n.dockerignore"),
                ignore("double star alone", "**"),
                ignore("double star suffix", "dir/**"),
                ignore("double star between", "dir/**/*.txt"),
                ignore("double star on both sides", "**/deep/**"),
                ignore("last match wins", "src/*_test.go\n!src/main_test.go\nsrc/main_test.go"),
                ignore("exception before the exclusion has no effect", "!dir/x.txt\ndir"),
                ignore("parent references are cleaned", "dir/../a.txt"),
                ignore("exception with double star does not reach into an excluded directory", "logs\n!**/important.log"),
                ignore("hidden files", ".*"),
                ignore("star slash star", "*/*.txt"),
                ignore("space in a pattern", "sp ace.txt"),
                ignore("exclusion after exclusion of everything", "*\n!dir\ndir/sub"),
                ignore("windows line endings", "a.txt\r\nb.md\r\n"),
                ignore("suffix without slash matches name ends", "**.md"),
                dockerfileAt("Dockerfile in an excluded directory is still sent", "build", "build/Dockerfile"),
                dockerfileAt("Dockerfile in a directory excluded with a wildcard", "bu*\n!build/other.txt", "build/Dockerfile"),
                outsideDockerfile("Dockerfile outside the context, no .dockerignore", null),
                outsideDockerfile("Dockerfile outside the context with a .dockerignore", "*.md\n.dockerignore"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void engineSendsTheSameContextAsTheDockerCli(BuilderChoice builder, String name, String ignoreFile,
            String dockerfileInContext, boolean dockerfileOutside) throws Exception {
        Path context = tmp.resolve("context");
        ContextTrees.create(context, ContextTrees.STANDARD);
        ContextTrees.create(context, List.of("build/other.txt"));
        if (ignoreFile != null) {
            Files.writeString(context.resolve(".dockerignore"), ignoreFile, StandardCharsets.UTF_8);
        }
        Path dockerfile = dockerfileOutside ? tmp.resolve("outside/Dockerfile.ci")
                : context.resolve(dockerfileInContext == null ? "Dockerfile" : dockerfileInContext);
        Files.createDirectories(dockerfile.getParent());
        Files.writeString(dockerfile, ContextTrees.LISTING_DOCKERFILE, StandardCharsets.UTF_8);

        RunContext run = DOCKER.newRun();
        // both builds run at once: the daemon works on each while the other is sending or waiting
        Process cli = startCli(context, dockerfile, run);
        List<String> byEngine = buildWithEngine(context, dockerfile, run, builder);
        List<String> byCli = cliListing(cli);

        List<String> expected = builder == BuilderChoice.BUILDKIT
                ? withDockerfileShown(byCli, byEngine, dockerfileOutside ? null : context.relativize(dockerfile)) : byCli;
        assertThat(byEngine).as("context sent by the engine (%s) vs the docker CLI for %s", builder, name).isEqualTo(expected);
    }

    /**
     * What BuildKit's COPY sees of the CLI's context: the same, plus the Dockerfile when the CLI hides it (excluded by
     * {@code .dockerignore}, or from outside the context under its generated name), as BuildKit reads the Dockerfile
     * from the tar it is sent and filters none of it. That one file is the documented difference.
     */
    private static List<String> withDockerfileShown(List<String> byCli, List<String> byEngine, Path dockerfileInContext) {
        Set<String> expected = new TreeSet<>(byCli);
        if (dockerfileInContext == null) {
            byEngine.stream().filter(entry -> entry.matches("\\./\\.dockerfile\\.[0-9a-f]{20}")).forEach(expected::add);
        } else {
            for (Path part = dockerfileInContext; part != null; part = part.getParent()) {
                expected.add("./" + BuildContext.slashPath(part));
            }
        }
        return List.copyOf(expected);
    }

    private List<String> buildWithEngine(Path context, Path dockerfile, RunContext run, BuilderChoice builder) {
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        LogSink sink = (kind, text) -> {
            if (kind == LogSink.Kind.STDOUT) {
                output.add(text);
            }
        };
        BuildRequest request = BuildRequest.builder(context).dockerfile(dockerfile).noCache(true).builder(builder).build();
        EngineContext ctx = new EngineContext(DOCKER.client(), run, ResourceTracker.NONE);
        BuiltImage image = new ImageBuilder(ctx).build(request, sink);
        assertThat(image.builder()).isEqualTo(builder);
        DOCKER.client().removeImageCmd(image.imageId()).withForce(true).exec();
        return ContextTrees.listing(output);
    }

    private Process startCli(Path context, Path dockerfile, RunContext run) throws IOException {
        List<String> command = new ArrayList<>(List.of("docker", "build", "--no-cache", "--force-rm"));
        // not our label keys: a reaper (any owner's) must never take its intermediate images for an aborted build's
        command.addAll(List.of("--label", "com.example.conformance=" + run.runId()));
        command.addAll(List.of("-f", dockerfile.toString(), context.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DOCKER_BUILDKIT", "0");
        builder.environment().put("DOCKER_HOST", DOCKER.endpoint().host());
        builder.redirectOutput(tmp.resolve("cli-output.txt").toFile());
        return builder.start();
    }

    private List<String> cliListing(Process process) throws IOException, InterruptedException {
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        List<String> output = Files.readAllLines(tmp.resolve("cli-output.txt"), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("docker build output:\n%s", String.join("\n", output)).isZero();
        String id = output.stream().map(BUILT::matcher).filter(Matcher::find).map(m -> m.group(1)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no image id in:\n" + String.join("\n", output)));
        DOCKER.client().removeImageCmd(id).withForce(true).exec();
        return ContextTrees.listing(output);
    }

    private static Arguments ignore(String name, String patterns) {
        return Arguments.of(name, patterns, null, false);
    }

    private static Arguments dockerfileAt(String name, String patterns, String dockerfile) {
        return Arguments.of(name, patterns, dockerfile, false);
    }

    private static Arguments outsideDockerfile(String name, String patterns) {
        return Arguments.of(name, patterns, null, true);
    }
}
