package io.jenkins.plugins.dockerci.engine.services.wait;

import java.time.Duration;
import java.util.Objects;

final class PollInterval {

    private PollInterval() {
    }

    static Duration requireValid(Duration interval) {
        Objects.requireNonNull(interval, "pollInterval");
        if (interval.isNegative() || interval.isZero() || interval.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("poll interval " + interval + " must be between 1 ms and 1 minute");
        }
        return interval;
    }
}
