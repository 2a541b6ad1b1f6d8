package io.jenkins.plugins.dockerci.engine.services.wait;

import java.time.Duration;
import java.util.Objects;

/** The polling loop the polling strategies share: check, sleep, until ready, the deadline, or the target's exit. */
final class Poll {

    /** One readiness check. */
    interface Check {
        boolean ready() throws InterruptedException;
    }

    private Poll() {
    }

    static boolean until(WaitTarget target, Deadline deadline, Duration interval, Check check) throws InterruptedException {
        while (target.running() && !deadline.expired()) {
            if (check.ready()) {
                return true;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for service '" + target.serviceName() + "'");
            }
            deadline.sleep(interval);
        }
        return false;
    }

    static Duration requireValidInterval(Duration interval) {
        Objects.requireNonNull(interval, "pollInterval");
        if (interval.isNegative() || interval.isZero() || interval.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("poll interval " + interval + " must be between 1 ms and 1 minute");
        }
        return interval;
    }
}
