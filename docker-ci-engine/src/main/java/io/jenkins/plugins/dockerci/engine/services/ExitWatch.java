package io.jenkins.plugins.dockerci.engine.services;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.WaitResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Learns the moment a started container exits, from Docker's wait endpoint (no polling), and its exit code.
 * Start it after the container started; close it when no longer interested.
 */
public final class ExitWatch implements AutoCloseable {

    private final CountDownLatch exited = new CountDownLatch(1);
    private volatile Integer exitCode;
    private final ResultCallback.Adapter<WaitResponse> stream;

    private ExitWatch(DockerClient docker, String containerId) {
        stream = docker.waitContainerCmd(containerId).exec(new ResultCallback.Adapter<>() {
            @Override
            public void onNext(WaitResponse response) {
                exitCode = response.getStatusCode();
            }

            @Override
            public void onComplete() {
                exited.countDown();
                super.onComplete();
            }

            @Override
            public void onError(Throwable error) {
                // the container vanished or the stream broke: either way we no longer know it is running
                exited.countDown();
                super.onError(error);
            }
        });
    }

    /** Watches a container that has been started. */
    public static ExitWatch start(DockerClient docker, String containerId) {
        return new ExitWatch(docker, containerId);
    }

    /** {@code true} once the container exited (or Docker stopped reporting on it). */
    public boolean exited() {
        return exited.getCount() == 0;
    }

    /** Waits up to {@code timeout} for the exit; {@code true} if it exited. */
    public boolean await(Duration timeout) throws InterruptedException {
        return exited.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The exit code, once known. */
    public OptionalInt exitCode() {
        Integer code = exitCode;
        return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException ignored) {
            // closing a stream nobody reads any more: nothing to recover
        }
    }
}
