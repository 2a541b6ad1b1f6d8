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
 */
public record BuiltImage(String imageId, List<String> tags, Duration duration) {

    public BuiltImage {
        Objects.requireNonNull(imageId, "imageId");
        tags = List.copyOf(tags);
        Objects.requireNonNull(duration, "duration");
    }
}
