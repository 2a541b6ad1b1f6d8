package io.jenkins.plugins.dockerci.action;

import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.params.ServiceSettings;
import io.jenkins.plugins.dockerci.params.TestSettings;
import io.jenkins.plugins.dockerci.params.TestSummary;
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

    /** The record of a test run that ended as {@code summary} says; a service without a time to ready shows 0. */
    public static TestRecord of(TestSettings settings, TestSummary summary) {
        List<ServiceRecord> services = new ArrayList<>();
        for (ServiceSettings service : settings.services()) {
            Long ready = summary.readyMillis().get(service.alias());
            services.add(new ServiceRecord(service.alias(), service.image(), Duration.ofMillis(ready == null ? 0 : ready)));
        }
        return new TestRecord(settings.image(), summary.timedOut() ? Ending.TIMED_OUT : Ending.EXITED,
                summary.exitCode(), summary.duration(), services);
    }

    /** The record of a test run in {@code image} that the build's abort stopped after {@code duration}. */
    public static TestRecord interrupted(String image, Duration duration) {
        return new TestRecord(image, Ending.INTERRUPTED, null, duration, List.of());
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
        String outcome = switch (ending) {
            case EXITED -> isPassed() ? Messages.TestRecord_passed() : Messages.TestRecord_failed();
            case TIMED_OUT -> Messages.TestRecord_timedOut();
            case INTERRUPTED -> Messages.TestRecord_aborted();
        };
        return exitCode == null ? outcome : Messages.TestRecord_withExitCode(outcome, exitCode);
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
