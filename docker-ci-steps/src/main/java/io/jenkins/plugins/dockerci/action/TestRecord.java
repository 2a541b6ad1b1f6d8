package io.jenkins.plugins.dockerci.action;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** One test run, as the build page shows it. A plain value: stored in {@code build.xml}. */
public final class TestRecord {

    /** How a test run ended. */
    public enum Ending {
        /** The command exited by itself; the exit code says how. */
        EXITED,
        /** The run's timeout stopped it. */
        TIMED_OUT,
        /** The build was aborted while it ran. */
        INTERRUPTED
    }

    private final String image;
    private final Ending ending;
    private final Integer exitCode;
    private final long durationMillis;
    private final List<ServiceRecord> services;

    /**
     * @param image    the image the tests ran in
     * @param ending   how the run ended
     * @param exitCode the command's exit code, or {@code null} if it has none
     * @param duration the whole run, services included
     * @param services the services, in the order they were given
     */
    public TestRecord(String image, Ending ending, Integer exitCode, Duration duration, List<ServiceRecord> services) {
        this.image = Objects.requireNonNull(image, "image");
        this.ending = Objects.requireNonNull(ending, "ending");
        this.exitCode = exitCode;
        this.durationMillis = duration.toMillis();
        this.services = new ArrayList<>(services);
    }

    public String getImage() {
        return image;
    }

    public Ending getEnding() {
        return ending;
    }

    /** The exit code, or {@code null} when the command has none (it never ran, or was stopped before Docker reported one). */
    public Integer getExitCode() {
        return exitCode;
    }

    public boolean isPassed() {
        return ending == Ending.EXITED && exitCode != null && exitCode == 0;
    }

    /** One line for the build page, e.g. {@code failed (exit code 3)}. */
    public String getOutcomeText() {
        String code = exitCode == null ? "" : " (exit code " + exitCode + ")";
        return switch (ending) {
            case EXITED -> (isPassed() ? "passed" : "failed") + code;
            case TIMED_OUT -> "timed out" + code;
            case INTERRUPTED -> "aborted" + code;
        };
    }

    public Duration getDuration() {
        return Duration.ofMillis(durationMillis);
    }

    public String getDurationText() {
        return DisplayText.duration(getDuration());
    }

    public List<ServiceRecord> getServices() {
        return services == null ? List.of() : Collections.unmodifiableList(services);
    }
}
