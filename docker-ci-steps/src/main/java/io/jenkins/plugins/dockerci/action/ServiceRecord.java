package io.jenkins.plugins.dockerci.action;

import java.time.Duration;
import java.util.Objects;

/** A service container a test run or a {@code dockerServices} block used, and how long it took to become ready. */
public final class ServiceRecord {

    private final String name;
    private final String image;
    private final long timeToReadyMillis;

    public ServiceRecord(String name, String image, Duration timeToReady) {
        this.name = Objects.requireNonNull(name, "name");
        this.image = Objects.requireNonNull(image, "image");
        this.timeToReadyMillis = timeToReady.toMillis();
    }

    public String getName() {
        return name;
    }

    public String getImage() {
        return image;
    }

    public Duration getTimeToReady() {
        return Duration.ofMillis(timeToReadyMillis);
    }

    public String getTimeToReadyText() {
        return DisplayText.duration(getTimeToReady());
    }
}
