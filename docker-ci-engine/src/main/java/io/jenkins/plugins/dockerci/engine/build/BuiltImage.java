package io.jenkins.plugins.dockerci.engine.build;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An image the engine built.
 *
 * @param imageId  the full image id ({@code sha256:…})
 * @param tags     the references the image was tagged with, normalised (e.g. {@code app:1})
 * @param duration how long the build took, context upload included
 * @param builder  the builder that ran: {@link BuilderChoice#BUILDKIT} or {@link BuilderChoice#CLASSIC}
 */
public record BuiltImage(String imageId, List<String> tags, Duration duration, BuilderChoice builder) {

    public BuiltImage {
        Objects.requireNonNull(imageId, "imageId");
        tags = List.copyOf(tags);
        Objects.requireNonNull(duration, "duration");
        if (builder != BuilderChoice.BUILDKIT && builder != BuilderChoice.CLASSIC) {
            throw new IllegalArgumentException("a built image was built by BuildKit or the classic builder, not " + builder);
        }
    }
}
