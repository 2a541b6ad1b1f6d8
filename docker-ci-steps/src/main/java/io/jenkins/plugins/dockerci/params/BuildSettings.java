package io.jenkins.plugins.dockerci.params;

import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.agent.Jep200;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.build.BuildRequest;
import io.jenkins.plugins.dockerci.engine.build.BuilderChoice;
import io.jenkins.plugins.dockerci.engine.buildkit.BuildSecrets;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code dockerBuild} as resolved on the controller (variables expanded, text parsed), on its way to the node that
 * holds the workspace; {@link #toRequest(Path, Instant)} makes the engine's request there. Plain serialisable values
 * only. {@link #builder()} validates with the engine's own checks, so a bad tag fails before anything is sent to the
 * agent.
 *
 * @param context       the build context, relative to the workspace ({@code .} for the workspace itself)
 * @param dockerfile    the Dockerfile relative to the context, or {@code null} for {@code Dockerfile} in it
 * @param tags          references to tag the image with
 * @param buildArgs     {@code --build-arg} values
 * @param target        the stage to build, or {@code null} for the last
 * @param labels        extra image labels
 * @param revision      the source revision (from {@code GIT_COMMIT}), or {@code null}
 * @param source        the source URL (from {@code GIT_URL}), or {@code null}
 * @param pull          always pull newer base images
 * @param noCache       do not use the build cache
 * @param cacheFrom     images to use as cache sources
 * @param platform      the platform to build for, e.g. {@code linux/arm64}, or {@code null} for the engine's own
 * @param builderChoice which of the engine's builders builds it
 * @param secrets       build secrets for {@code RUN --mount=type=secret}, resolved from the build's credentials
 * @param timeoutMillis limit for the whole build
 */
public record BuildSettings(String context, String dockerfile, List<String> tags, Map<String, String> buildArgs,
                            String target, Map<String, String> labels, String revision, String source, boolean pull,
                            boolean noCache, List<String> cacheFrom, String platform, BuilderChoice builderChoice,
                            List<BuildSecretValue> secrets, long timeoutMillis) implements Serializable {

    /** The default of {@code context}. */
    public static final String DEFAULT_CONTEXT = ".";

    public BuildSettings {
        context = context == null || context.isBlank() ? DEFAULT_CONTEXT : context.trim();
        dockerfile = FormText.blankToNull(dockerfile);
        tags = Jep200.list(tags == null ? List.of() : tags);
        buildArgs = Jep200.map(buildArgs == null ? Map.of() : buildArgs);
        target = FormText.blankToNull(target);
        labels = Jep200.map(labels == null ? Map.of() : labels);
        revision = FormText.blankToNull(revision);
        source = FormText.blankToNull(source);
        cacheFrom = Jep200.list(cacheFrom == null ? List.of() : cacheFrom);
        platform = FormText.blankToNull(platform);
        builderChoice = builderChoice == null ? BuilderChoice.AUTO : builderChoice;
        secrets = Jep200.list(secrets == null ? List.of() : secrets);
        if (Path.of(context).isAbsolute()) {
            throw new InvalidRequestException(Messages.ParameterChecks_absolutePath("dockerBuild.context", context));
        }
    }

    /** A builder with the defaults of the vocabulary. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The engine's request, on the node.
     *
     * <p>No {@code org.opencontainers.image.created} label: a value that changes every build is an uncached step of
     * the classic builder and a new image every time, which would defeat the layer cache; the image's own creation
     * time says the same.
     *
     * @param workspace the build's workspace on this node
     * @throws InvalidRequestException if the context lies outside the workspace
     */
    public BuildRequest toRequest(Path workspace) {
        Path root = workspace.toAbsolutePath().normalize();
        Path contextDir = root.resolve(context).normalize();
        if (!contextDir.startsWith(root)) {
            throw new InvalidRequestException(Messages.TestSettings_outsideWorkspace("dockerBuild.context", context));
        }
        BuildRequest.Builder request = BuildRequest.builder(contextDir)
                .tags(tags)
                .target(target)
                .revision(revision)
                .source(source)
                .pull(pull)
                .noCache(noCache)
                .platform(platform)
                .builder(builderChoice)
                .secrets(buildSecrets())
                .timeout(Duration.ofMillis(timeoutMillis));
        if (dockerfile != null) {
            request.dockerfile(Path.of(dockerfile));
        }
        buildArgs.forEach(request::buildArg);
        labels.forEach(request::label);
        cacheFrom.forEach(request::cacheFrom);
        return request.build();
    }

    /** What the build's console must hide: the secrets' values. */
    public List<String> maskedTexts() {
        List<String> texts = new ArrayList<>();
        secrets.forEach(secret -> texts.addAll(secret.maskedTexts()));
        return texts;
    }

    private BuildSecrets buildSecrets() {
        BuildSecrets.Builder collected = BuildSecrets.builder();
        secrets.forEach(secret -> collected.source(secret.id(), secret.origin(), secret::value));
        return collected.build();
    }

    /** Collects the parameters of a {@link BuildSettings}. */
    public static final class Builder {
        private String context = DEFAULT_CONTEXT;
        private String dockerfile;
        private final List<String> tags = new ArrayList<>();
        private final Map<String, String> buildArgs = new LinkedHashMap<>();
        private String target;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private String revision;
        private String source;
        private boolean pull;
        private boolean noCache;
        private final List<String> cacheFrom = new ArrayList<>();
        private String platform;
        private BuilderChoice builder = BuilderChoice.AUTO;
        private final List<BuildSecretValue> secrets = new ArrayList<>();
        private Duration timeout = BuildRequest.DEFAULT_TIMEOUT;

        private Builder() {
        }

        public Builder context(String directory) {
            this.context = directory;
            return this;
        }

        public Builder dockerfile(String path) {
            this.dockerfile = path;
            return this;
        }

        public Builder tags(List<String> references) {
            tags.addAll(references);
            return this;
        }

        public Builder buildArgs(Map<String, String> args) {
            buildArgs.putAll(args);
            return this;
        }

        public Builder target(String stage) {
            this.target = stage;
            return this;
        }

        public Builder labels(Map<String, String> extra) {
            labels.putAll(extra);
            return this;
        }

        /** The OCI revision and source, from the build's {@code GIT_COMMIT} and {@code GIT_URL} (either may be absent). */
        public Builder scm(Map<String, String> environment) {
            this.revision = environment.get("GIT_COMMIT");
            this.source = environment.get("GIT_URL");
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

        public Builder cacheFrom(List<String> references) {
            cacheFrom.addAll(references);
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

        public Builder secrets(List<BuildSecretValue> values) {
            secrets.addAll(values);
            return this;
        }

        public Builder timeout(Duration limit) {
            this.timeout = limit == null ? BuildRequest.DEFAULT_TIMEOUT : limit;
            return this;
        }

        /** @throws InvalidRequestException saying which parameter is wrong */
        public BuildSettings build() {
            BuildSettings settings = new BuildSettings(context, dockerfile, tags, buildArgs, target, labels, revision, source,
                    pull, noCache, cacheFrom, platform, builder, secrets, timeout.toMillis());
            settings.toRequest(Path.of("workspace"));
            return settings;
        }
    }
}
