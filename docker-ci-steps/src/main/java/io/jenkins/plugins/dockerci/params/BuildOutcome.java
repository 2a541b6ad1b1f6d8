package io.jenkins.plugins.dockerci.params;

import io.jenkins.plugins.dockerci.agent.Jep200;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The image a {@code dockerBuild} made, as it comes back from the agent and is kept in the build.
 *
 * @param imageId        the image id ({@code sha256:…})
 * @param tags           the references it was tagged with
 * @param durationMillis how long the build took
 * @param builder        the builder that built it: {@code buildkit} or {@code classic}
 */
public record BuildOutcome(String imageId, List<String> tags, long durationMillis, String builder) implements Serializable {

    public BuildOutcome {
        Objects.requireNonNull(imageId, "imageId");
        tags = Jep200.list(tags == null ? List.of() : tags);
        Objects.requireNonNull(builder, "builder");
    }
}
