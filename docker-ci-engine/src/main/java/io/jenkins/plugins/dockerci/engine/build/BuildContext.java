package io.jenkins.plugins.dockerci.engine.build;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A build request checked against the file system: the real context root, where the Dockerfile is, and what
 * {@code .dockerignore} excludes, resolved the way the docker CLI resolves them before it sends anything.
 *
 * @param root              the context directory, symbolic links resolved
 * @param dockerfile        the Dockerfile, symbolic links resolved
 * @param dockerfileInContext the Dockerfile's slash-separated path inside the context, or {@code null} when it lies
 *                          outside (then it is sent under {@link #generatedDockerfileName})
 * @param generatedDockerfileName the name an outside Dockerfile gets in the context, or {@code null}
 * @param ignoreFilePresent whether the context has a {@code .dockerignore}
 * @param patterns          the patterns of {@code .dockerignore}
 * @param matcher           the exclusion rules, including the exceptions that keep the build's own files in the
 *                          context: always the Dockerfile; with {@code engineHidesBuildFiles} also {@code .dockerignore}
 * @param engineHidesBuildFiles whether the engine removes the Dockerfile and {@code .dockerignore} from what
 *                          {@code COPY} sees when {@code .dockerignore} excludes them (the classic builder does, so
 *                          they are sent as the docker CLI sends them; BuildKit does not filter a tar context)
 */
record BuildContext(Path root, Path dockerfile, String dockerfileInContext, String generatedDockerfileName,
        boolean ignoreFilePresent, List<String> patterns, IgnoreMatcher matcher, boolean engineHidesBuildFiles) {

    private static final String DEFAULT_DOCKERFILE = "Dockerfile";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Checks the request's paths and reads {@code .dockerignore}.
     *
     * @throws InvalidRequestException when the context or Dockerfile is missing or unreadable, or a pattern is invalid
     */
    static BuildContext resolve(BuildRequest request) {
        Path root = realContextRoot(request.contextDir());
        Path dockerfile = realDockerfile(root, request.dockerfile());
        Path relative = root.relativize(dockerfile);
        boolean inside = !relative.startsWith("..") && !relative.toString().isEmpty();
        String inContext = inside ? slashPath(relative) : null;
        String generated = inside ? null : ".dockerfile." + HexFormat.of().formatHex(randomBytes()).substring(0, 20);

        Path ignoreFile = root.resolve(IgnoreFile.NAME);
        boolean hasIgnoreFile = Files.exists(ignoreFile, LinkOption.NOFOLLOW_LINKS);
        List<String> patterns = hasIgnoreFile ? readPatterns(ignoreFile) : List.of();
        return new BuildContext(root, dockerfile, inContext, generated, hasIgnoreFile, List.copyOf(patterns),
                keepingBuildFiles(patterns, inContext, true, ignoreFile), true);
    }

    /**
     * This context as BuildKit needs it: the engine reads the Dockerfile from the tar but filters nothing, so
     * {@code .dockerignore} is sent only when its own patterns keep it, and nothing is generated for an outside
     * Dockerfile but the Dockerfile itself. The one file {@code COPY} sees that the docker CLI would hide is a
     * Dockerfile that {@code .dockerignore} excludes (or one from outside the context, under its generated name).
     */
    BuildContext forBuildKit() {
        Path ignoreFile = root.resolve(IgnoreFile.NAME);
        return new BuildContext(root, dockerfile, dockerfileInContext, generatedDockerfileName, ignoreFilePresent, patterns,
                keepingBuildFiles(patterns, dockerfileInContext, false, ignoreFile), false);
    }

    /**
     * The exclusion rules with exceptions for the build's own files: the CLI never lets {@code .dockerignore} exclude
     * them, as the engine needs them; the classic builder then removes them from what COPY sees itself.
     */
    private static IgnoreMatcher keepingBuildFiles(List<String> patterns, String dockerfileInContext, boolean keepIgnoreFile,
            Path ignoreFile) {
        List<String> kept = new ArrayList<>(patterns);
        if (keepIgnoreFile && compile(patterns, ignoreFile).excludesByFirstParent(IgnoreFile.NAME)) {
            kept.add("!" + IgnoreFile.NAME);
        }
        if (dockerfileInContext != null && compile(kept, ignoreFile).excludesByFirstParent(dockerfileInContext)) {
            kept.add("!" + dockerfileInContext);
        }
        return compile(kept, ignoreFile);
    }

    /** The Dockerfile name to give the engine: its path in the context. */
    String dockerfileName() {
        return dockerfileInContext != null ? dockerfileInContext : generatedDockerfileName;
    }

    static String slashPath(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    private static Path realContextRoot(Path contextDir) {
        Path absolute = contextDir.toAbsolutePath();
        if (!Files.exists(absolute)) {
            throw new InvalidRequestException("Build context directory " + absolute + " does not exist. Check the context"
                    + " path (relative paths are resolved against the workspace).");
        }
        if (!Files.isDirectory(absolute)) {
            throw new InvalidRequestException("Build context " + absolute + " is not a directory. Give the directory that"
                    + " holds the files the Dockerfile copies.");
        }
        if (!Files.isReadable(absolute) || !Files.isExecutable(absolute)) {
            throw new InvalidRequestException("Build context directory " + absolute + " cannot be read by this process."
                    + " Fix its permissions.");
        }
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            throw new InvalidRequestException("Cannot resolve the build context directory " + absolute + ": " + e);
        }
    }

    private static Path realDockerfile(Path root, Path requested) {
        Path candidate;
        if (requested == null) {
            candidate = root.resolve(DEFAULT_DOCKERFILE);
            Path lowercase = root.resolve("dockerfile");
            if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS) && Files.exists(lowercase, LinkOption.NOFOLLOW_LINKS)) {
                candidate = lowercase;
            }
        } else {
            candidate = root.resolve(requested);
        }
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (NoSuchFileException e) {
            throw new InvalidRequestException("Dockerfile " + candidate + " does not exist"
                    + (requested == null ? " (no Dockerfile in the build context " + root + ")" : "")
                    + ". Create it, or set the Dockerfile path (relative to the build context).");
        } catch (IOException e) {
            throw new InvalidRequestException("Cannot resolve the Dockerfile path " + candidate + ": " + e);
        }
        if (!Files.isRegularFile(real)) {
            throw new InvalidRequestException("Dockerfile " + candidate + " is not a regular file. Set the Dockerfile path"
                    + " to the file itself.");
        }
        if (!Files.isReadable(real)) {
            throw new InvalidRequestException("Dockerfile " + candidate + " cannot be read by this process. Fix its"
                    + " permissions.");
        }
        return real;
    }

    private static List<String> readPatterns(Path ignoreFile) {
        try {
            return IgnoreFile.parse(Files.readString(ignoreFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidRequestException("Cannot read " + ignoreFile + ": " + e.getMessage() + ". Fix its permissions"
                    + " or remove it.");
        }
    }

    private static IgnoreMatcher compile(List<String> patterns, Path ignoreFile) {
        try {
            return IgnoreMatcher.of(patterns);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("Invalid pattern in " + ignoreFile + ": " + e.getMessage()
                    + ". Patterns use Go filepath.Match syntax (*, ?, [a-z], \\ escapes, ** for any directories).");
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
