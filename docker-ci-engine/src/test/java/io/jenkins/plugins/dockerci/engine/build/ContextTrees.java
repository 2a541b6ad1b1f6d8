package io.jenkins.plugins.dockerci.engine.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** File trees used as build contexts by the build tests. */
final class ContextTrees {

    /** The Dockerfile that copies the whole context and lists it between markers. */
    static final String LISTING_DOCKERFILE = "FROM docker-ci-test/busybox:1\n"
            + "COPY . /ctx\n"
            + "RUN echo BEGIN-LIST && cd /ctx && find . | sort && echo END-LIST\n";

    /** A tree with hidden files, nested directories, a node_modules-like tree and names with glob characters. */
    static final List<String> STANDARD = List.of(
            "a.txt", "b.md", "c.txt", ".hidden", ".config/settings.txt",
            "dir/x.txt", "dir/y.log", "dir/sub/z.txt", "dir/sub/deep/w.txt", "dir/sub/deep/v.md",
            "node_modules/pkg/index.js", "node_modules/pkg/keep.md", "node_modules/other/lib/x.js",
            "logs/app.log", "logs/keep/important.log", "logs/keep/extra.txt",
            "src/main.go", "src/main_test.go", "src/vendor/lib.go",
            "file[1].txt", "star*.txt", "q?.txt", "sp ace.txt", "#hash.txt");

    private static final Pattern BUILDKIT_PREFIX = Pattern.compile("^#\\d+ \\d+\\.\\d+ ");

    private ContextTrees() {
    }

    /** Creates {@code files} (slash-separated paths) under {@code root}, each holding its own name. */
    static void create(Path root, List<String> files) {
        try {
            for (String file : files) {
                Path path = root.resolve(file);
                Files.createDirectories(path.getParent());
                Files.writeString(path, file + "\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A context in {@code root} (one file) whose Dockerfile, in {@code elsewhere}, is deleted after the context was
     * resolved: archiving it fails part-way, with {@link java.nio.file.NoSuchFileException}.
     */
    static BuildContext withVanishedDockerfile(Path root, Path elsewhere) throws IOException {
        create(root, List.of("app.txt"));
        Path dockerfile = Files.writeString(elsewhere.resolve("Dockerfile"), "FROM scratch\n");
        BuildContext context = BuildContext.resolve(BuildRequest.builder(root).dockerfile(dockerfile).build());
        Files.delete(dockerfile);
        return context;
    }

    /**
     * The lines between the listing markers of a build's output; BuildKit's prefix of step number and time
     * ({@code #5 0.123 }) is left out.
     */
    static List<String> listing(List<String> output) {
        List<String> lines = output.stream().map(line -> BUILDKIT_PREFIX.matcher(line).replaceFirst("")).toList();
        int begin = lines.indexOf("BEGIN-LIST");
        int end = lines.indexOf("END-LIST");
        if (begin < 0 || end < begin) {
            throw new AssertionError("no context listing in the build output:\n" + String.join("\n", output));
        }
        return List.copyOf(lines.subList(begin + 1, end));
    }
}
