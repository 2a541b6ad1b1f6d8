package io.jenkins.plugins.dockerci.action;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** An image a build step built, as the build page shows it. A plain value: stored in {@code build.xml}. */
public final class ImageRecord {

    private final String imageId;
    private final List<String> tags;
    private final long durationMillis;

    /**
     * @param imageId  the full image id ({@code sha256:…})
     * @param tags     the references it was tagged with
     * @param duration how long the build took
     */
    public ImageRecord(String imageId, List<String> tags, Duration duration) {
        this.imageId = Objects.requireNonNull(imageId, "imageId");
        this.tags = new ArrayList<>(tags);
        this.durationMillis = duration.toMillis();
    }

    public String getImageId() {
        return imageId;
    }

    /** The first 12 hex digits, as {@code docker images} shows them. */
    public String getShortId() {
        return DisplayText.shortId(imageId);
    }

    public List<String> getTags() {
        return tags == null ? List.of() : Collections.unmodifiableList(tags);
    }

    public Duration getDuration() {
        return Duration.ofMillis(durationMillis);
    }

    /** The duration for people, e.g. {@code 1.5 s}. */
    public String getDurationText() {
        return DisplayText.duration(getDuration());
    }
}
