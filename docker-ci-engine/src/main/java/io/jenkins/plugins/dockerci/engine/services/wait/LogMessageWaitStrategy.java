package io.jenkins.plugins.dockerci.engine.services.wait;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Ready when the service's output (stdout or stderr) has had a line matching a regular expression a number of times,
 * counted from the container's start. The log is followed as a stream, so there is no polling delay.
 */
public final class LogMessageWaitStrategy implements WaitStrategy {

    private static final Duration CHECK_INTERVAL = Duration.ofMillis(200);

    private final Pattern pattern;
    private final int times;

    LogMessageWaitStrategy(Pattern pattern, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("a log message wait needs times >= 1, was " + times);
        }
        this.pattern = pattern;
        this.times = times;
    }

    /** A copy that waits until {@code count} matching lines have appeared (for example 2 for PostgreSQL images that restart once). */
    public LogMessageWaitStrategy withTimes(int count) {
        return new LogMessageWaitStrategy(pattern, count);
    }

    public Pattern pattern() {
        return pattern;
    }

    public int times() {
        return times;
    }

    @Override
    public boolean waitUntilReady(WaitTarget target, Deadline deadline) throws InterruptedException {
        CountDownLatch matched = new CountDownLatch(1);
        AtomicInteger seen = new AtomicInteger();
        LineDecoder stdout = new LineDecoder(line -> count(line, seen, matched));
        LineDecoder stderr = new LineDecoder(line -> count(line, seen, matched));
        ResultCallback.Adapter<Frame> follow = target.docker().logContainerCmd(target.containerId())
                .withStdOut(true).withStdErr(true).withFollowStream(true).withTailAll()
                .exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Frame frame) {
                        switch (frame.getStreamType()) {
                            case STDERR -> stderr.accept(frame.getPayload());
                            default -> stdout.accept(frame.getPayload());
                        }
                    }

                    @Override
                    public void onComplete() {
                        stdout.finish();
                        stderr.finish();
                        super.onComplete();
                    }
                });
        try {
            // the follow stream ends when the container exits; check for that between short waits
            while (!deadline.expired()) {
                if (matched.await(deadline.remainingAtMost(CHECK_INTERVAL).toMillis(), TimeUnit.MILLISECONDS)) {
                    return true;
                }
                if (!target.running()) {
                    return matched.getCount() == 0;
                }
            }
            return matched.getCount() == 0;
        } finally {
            closeQuietly(follow);
        }
    }

    private void count(String line, AtomicInteger seen, CountDownLatch matched) {
        if (pattern.matcher(line).find() && seen.incrementAndGet() >= times) {
            matched.countDown();
        }
    }

    private static void closeQuietly(ResultCallback.Adapter<Frame> follow) {
        try {
            follow.close();
        } catch (IOException ignored) {
            // closing an HTTP stream we no longer read: nothing to recover
        }
    }

    @Override
    public String description() {
        return "log message matching /" + pattern.pattern() + "/" + (times > 1 ? " " + times + " times" : "");
    }

    @Override
    public String toString() {
        return description();
    }
}
