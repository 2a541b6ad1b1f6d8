package io.jenkins.plugins.dockerci.engine.buildkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The options of one BuildKit build ({@code POST /build?version=2}), already validated by the caller. The context
 * itself is passed to {@link BuildKitClient#build} as a stream.
 *
 * @param sessionName the name of the build's session in the engine's logs (the context directory's name)
 * @param dockerfile  the Dockerfile's path inside the context
 * @param tags        references to tag the image with
 * @param buildArgs   build arguments
 * @param target      the stage to build, or {@code null} for the last
 * @param labels      labels the image config gets (no build step is added for them)
 * @param noCache     do not use the build cache
 * @param pull        always look for newer base images
 * @param cacheFrom   images whose inline cache may be used
 * @param platform    the platform to build for ({@code linux/arm64}), or {@code null} for the engine's
 * @param secrets     the build secrets the session serves
 */
public record BuildKitRequest(String sessionName, String dockerfile, List<String> tags, Map<String, String> buildArgs,
                              String target, Map<String, String> labels, boolean noCache, boolean pull,
                              List<String> cacheFrom, String platform, BuildSecrets secrets) {

    public BuildKitRequest {
        Objects.requireNonNull(sessionName, "sessionName");
        Objects.requireNonNull(dockerfile, "dockerfile");
        tags = List.copyOf(tags);
        buildArgs = Map.copyOf(buildArgs);
        labels = Map.copyOf(new LinkedHashMap<>(labels));
        cacheFrom = List.copyOf(cacheFrom);
        Objects.requireNonNull(secrets, "secrets");
    }

    /** Build-arg values may be secrets: only their names are shown. */
    @Override
    public String toString() {
        return "BuildKitRequest[dockerfile=" + dockerfile + ", tags=" + tags + ", buildArgs=" + buildArgs.keySet()
                + ", target=" + target + ", labels=" + labels + ", noCache=" + noCache + ", pull=" + pull
                + ", cacheFrom=" + cacheFrom + ", platform=" + platform + ", secrets=" + secrets + "]";
    }
}
