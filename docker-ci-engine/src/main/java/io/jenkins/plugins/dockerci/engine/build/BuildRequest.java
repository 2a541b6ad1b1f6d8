package io.jenkins.plugins.dockerci.engine.build;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.buildkit.BuildSecrets;
import io.jenkins.plugins.dockerci.engine.image.ImageReference;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to build: a context directory, its Dockerfile and the options of {@code docker build}.
 *
 * <p>Validated when constructed (tags, build-arg names, target, labels); the file system is checked by
 * {@link ImageBuilder#build} before the engine is called. Create with {@link #builder(Path)}.
 *
 * @param contextDir the directory sent as the build context
 * @param dockerfile the Dockerfile; {@code null} means {@code Dockerfile} in the context (or {@code dockerfile} if
 *                   only that exists). A relative path is resolved against the context directory; a Dockerfile
 *                   outside the context is sent under a generated name, as the docker CLI does
 * @param tags       references to tag the image with, normalised (e.g. {@code app:1}, {@code 127.0.0.1:5000/team/app:2});
 *                   a reference without a tag means {@code :latest}
 * @param buildArgs  {@code --build-arg} values, in order
 * @param target     the stage of a multi-stage Dockerfile to build, or {@code null} for the last
 * @param labels     extra image labels; the run's labels and the OCI labels are added on top
 * @param revision   the source revision ({@code org.opencontainers.image.revision}), or {@code null}
 * @param source     where the source lives ({@code org.opencontainers.image.source}), or {@code null}
 * @param created    the creation time to record ({@code org.opencontainers.image.created}), or {@code null}
 * @param pull       always try to pull newer base images
 * @param noCache    do not use the build cache
 * @param cacheFrom  images to consider as cache sources (with BuildKit: images built with inline cache, e.g. with
 *                   the build arg {@code BUILDKIT_INLINE_CACHE=1})
 * @param platform   the platform to build for, e.g. {@code linux/arm64}, or {@code null} for the engine's own
 * @param builder    which of the engine's builders builds it
 * @param secrets    build secrets for {@code RUN --mount=type=secret} (BuildKit only)
 * @param timeout    how long the whole build may take
 */
public record BuildRequest(
        Path contextDir,
        Path dockerfile,
        List<String> tags,
        Map<String, String> buildArgs,
        String target,
        Map<String, String> labels,
        String revision,
        String source,
        Instant created,
        boolean pull,
        boolean noCache,
        List<String> cacheFrom,
        String platform,
        BuilderChoice builder,
        BuildSecrets secrets,
        Duration timeout) {

    /** The label for {@link #revision()}. */
    public static final String OCI_REVISION = "org.opencontainers.image.revision";
    /** The label for {@link #source()}. */
    public static final String OCI_SOURCE = "org.opencontainers.image.source";
    /** The label for {@link #created()}. */
    public static final String OCI_CREATED = "org.opencontainers.image.created";
    /** How long a build may take unless the request says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);

    private static final Pattern BUILD_ARG_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final Pattern STAGE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
    private static final Pattern PLATFORM = Pattern.compile("[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?");

    public BuildRequest {
        Objects.requireNonNull(contextDir, "contextDir");
        tags = normaliseReferences(tags, "tag");
        cacheFrom = normaliseReferences(cacheFrom, "cache-from image");
        buildArgs = checkBuildArgs(buildArgs);
        labels = checkLabels(labels);
        if (target != null && !STAGE_NAME.matcher(target).matches()) {
            throw new InvalidRequestException("Invalid target stage '" + target + "': a stage name starts with a letter and"
                    + " contains only letters, digits, '_', '.' and '-' (as in 'FROM image AS name').");
        }
        if (platform != null && !PLATFORM.matcher(platform).matches()) {
            throw new InvalidRequestException("Invalid platform '" + platform + "': write it as os/architecture[/variant],"
                    + " e.g. linux/amd64 or linux/arm/v7.");
        }
        builder = builder == null ? BuilderChoice.AUTO : builder;
        secrets = secrets == null ? BuildSecrets.none() : secrets;
        if (builder == BuilderChoice.CLASSIC && !secrets.isEmpty()) {
            throw new InvalidRequestException("Build secrets " + secrets.ids() + " need BuildKit, but the builder is"
                    + " 'classic': use builder auto or buildkit, or remove the secrets.");
        }
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new InvalidRequestException("Invalid build timeout " + timeout + ": it must be positive.");
        }
    }

    /** A builder for a build of {@code contextDir}. */
    public static Builder builder(Path contextDir) {
        return new Builder(contextDir);
    }

    /** All labels the image gets from the request: the caller's, then the OCI labels that were supplied. */
    public Map<String, String> imageLabels() {
        Map<String, String> all = new LinkedHashMap<>(labels);
        if (revision != null) {
            all.put(OCI_REVISION, revision);
        }
        if (source != null) {
            all.put(OCI_SOURCE, source);
        }
        if (created != null) {
            all.put(OCI_CREATED, created.toString());
        }
        return all;
    }

    /** Build-arg values may be secrets (people pass tokens that way): only their names are shown. */
    @Override
    public String toString() {
        return "BuildRequest[contextDir=" + contextDir + ", dockerfile=" + dockerfile + ", tags=" + tags
                + ", buildArgs=" + buildArgs.keySet() + ", target=" + target + ", labels=" + labels
                + ", revision=" + revision + ", source=" + source + ", created=" + created + ", pull=" + pull
                + ", noCache=" + noCache + ", cacheFrom=" + cacheFrom + ", platform=" + platform + ", builder=" + builder
                + ", secrets=" + secrets + ", timeout=" + timeout + "]";
    }

    private static List<String> normaliseReferences(List<String> references, String what) {
        if (references == null) {
            return List.of();
        }
        List<String> normalised = new ArrayList<>();
        for (String reference : references) {
            ImageReference parsed = ImageReference.parse(reference);
            if (parsed.hasDigest()) {
                throw new InvalidRequestException("Invalid " + what + " '" + reference + "': a digest cannot be given to a"
                        + " build; the engine computes it. Remove the '@" + parsed.digest() + "' part.");
            }
            String text = parsed.familiarName() + ":" + parsed.tagOrLatest();
            if (!normalised.contains(text)) {
                normalised.add(text);
            }
        }
        return List.copyOf(normalised);
    }

    private static Map<String, String> checkBuildArgs(Map<String, String> args) {
        if (args == null) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        args.forEach((name, value) -> {
            if (name == null || !BUILD_ARG_NAME.matcher(name).matches()) {
                throw new InvalidRequestException("Invalid build-arg name '" + name + "': use NAME=value where NAME starts"
                        + " with a letter or '_' and contains only letters, digits, '_', '.' and '-'.");
            }
            copy.put(name, Objects.requireNonNull(value, () -> "build-arg " + name + " has no value"));
        });
        return Collections.unmodifiableMap(copy);
    }

    private static Map<String, String> checkLabels(Map<String, String> labels) {
        if (labels == null) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        labels.forEach((key, value) -> {
            if (key == null || key.isBlank() || !key.equals(key.strip())) {
                throw new InvalidRequestException("Invalid label key '" + key + "': it must be non-empty with no"
                        + " surrounding white space, e.g. 'com.example.team'.");
            }
            copy.put(key, Objects.requireNonNull(value, () -> "label " + key + " has no value"));
        });
        return Collections.unmodifiableMap(copy);
    }

    /** Collects the options of a {@link BuildRequest}; {@link #build()} validates them. */
    public static final class Builder {
        private final Path contextDir;
        private Path dockerfile;
        private final List<String> tags = new ArrayList<>();
        private final Map<String, String> buildArgs = new LinkedHashMap<>();
        private String target;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private String revision;
        private String source;
        private Instant created;
        private boolean pull;
        private boolean noCache;
        private final List<String> cacheFrom = new ArrayList<>();
        private String platform;
        private BuilderChoice builder = BuilderChoice.AUTO;
        private BuildSecrets secrets = BuildSecrets.none();
        private Duration timeout = DEFAULT_TIMEOUT;

        private Builder(Path contextDir) {
            this.contextDir = contextDir;
        }

        public Builder dockerfile(Path path) {
            this.dockerfile = path;
            return this;
        }

        public Builder tag(String reference) {
            tags.add(reference);
            return this;
        }

        public Builder tags(List<String> references) {
            tags.addAll(references);
            return this;
        }

        public Builder buildArg(String name, String value) {
            buildArgs.put(name, value);
            return this;
        }

        /**
         * A build argument in the command-line form {@code NAME=value} (the value may be empty or contain '=').
         *
         * @throws InvalidRequestException when there is no '=' or no name
         */
        public Builder buildArg(String assignment) {
            int eq = assignment == null ? -1 : assignment.indexOf('=');
            if (eq <= 0) {
                throw new InvalidRequestException("Invalid build-arg '" + assignment + "': write it as NAME=value,"
                        + " e.g. VERSION=1.2 (an empty value is written NAME=).");
            }
            return buildArg(assignment.substring(0, eq), assignment.substring(eq + 1));
        }

        public Builder target(String stage) {
            this.target = stage;
            return this;
        }

        public Builder label(String key, String value) {
            labels.put(key, value);
            return this;
        }

        public Builder revision(String sourceRevision) {
            this.revision = sourceRevision;
            return this;
        }

        public Builder source(String sourceUrl) {
            this.source = sourceUrl;
            return this;
        }

        public Builder created(Instant time) {
            this.created = time;
            return this;
        }

        public Builder pull(boolean alwaysPull) {
            this.pull = alwaysPull;
            return this;
        }

        public Builder noCache(boolean withoutCache) {
            this.noCache = withoutCache;
            return this;
        }

        public Builder cacheFrom(String reference) {
            cacheFrom.add(reference);
            return this;
        }

        public Builder platform(String targetPlatform) {
            this.platform = targetPlatform;
            return this;
        }

        public Builder builder(BuilderChoice choice) {
            this.builder = choice;
            return this;
        }

        public Builder secrets(BuildSecrets buildSecrets) {
            this.secrets = buildSecrets;
            return this;
        }

        public Builder timeout(Duration limit) {
            this.timeout = limit;
            return this;
        }

        public BuildRequest build() {
            return new BuildRequest(contextDir, dockerfile, tags, buildArgs, target, labels, revision, source, created,
                    pull, noCache, cacheFrom, platform, builder, secrets, timeout);
        }
    }
}
