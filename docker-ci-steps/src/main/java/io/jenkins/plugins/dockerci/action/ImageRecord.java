package io.jenkins.plugins.dockerci.action;

import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.params.BuildOutcome;
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
    private final String branch;
    private final String builder;

    /**
     * @param imageId  the full image id ({@code sha256:…})
     * @param tags     the references it was tagged with
     * @param duration how long the build took
     * @param branch   the Pipeline branch that built it ({@link io.jenkins.plugins.dockerci.params.PipelineBranch}), or
     *                 {@code null} for a freestyle build
     * @param builder  the builder that built it ({@code buildkit} or {@code classic})
     */
    public ImageRecord(String imageId, List<String> tags, Duration duration, String branch, String builder) {
        this.imageId = Objects.requireNonNull(imageId, "imageId");
        this.tags = new ArrayList<>(tags);
        this.durationMillis = duration.toMillis();
        this.branch = branch;
        this.builder = builder;
    }

    /** The record of an image a build step reported, built in {@code branch} ({@code null} for freestyle). */
    public static ImageRecord of(BuildOutcome built, String branch) {
        return new ImageRecord(built.imageId(), built.tags(), Duration.ofMillis(built.durationMillis()), branch, built.builder());
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

    /** The Pipeline branch key of the step that built it, or {@code null} in a freestyle build. */
    public String getBranch() {
        return branch;
    }

    /** {@code buildkit} or {@code classic}; {@code null} in builds recorded before the builder was. */
    public String getBuilder() {
        return builder;
    }

    /** The builder for people: {@code BuildKit} or {@code classic builder}; {@code null} when not recorded. */
    public String getBuilderText() {
        if (builder == null) {
            return null;
        }
        return "classic".equals(builder) ? Messages.ImageRecord_classic() : Messages.ImageRecord_buildkit();
    }

    public Duration getDuration() {
        return Duration.ofMillis(durationMillis);
    }

    /** The duration for people, e.g. {@code 1.5 s}. */
    public String getDurationText() {
        return DisplayText.duration(getDuration());
    }
}
