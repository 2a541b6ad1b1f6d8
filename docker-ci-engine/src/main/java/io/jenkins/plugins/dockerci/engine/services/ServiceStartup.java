package io.jenkins.plugins.dockerci.engine.services;

import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.services.wait.Deadline;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts services concurrently, each as soon as the services it depends on are ready, each with its own deadline.
 * The first failure stops the others (their threads are interrupted) and is rethrown.
 */
final class ServiceStartup {

    private static final long STOP_WAIT_SECONDS = 30;

    private final ServiceLauncher launcher;
    private final LogSink log;
    private final List<ServiceContainer> readyContainers = new CopyOnWriteArrayList<>();

    ServiceStartup(ServiceLauncher launcher, LogSink log) {
        this.launcher = launcher;
        this.log = log;
    }

    /** Coordinates by service name, in spec order. */
    Map<String, ServiceCoordinates> startAll(List<ServiceSpec> specs) throws InterruptedException {
        Map<String, CompletableFuture<ServiceCoordinates>> ready = new LinkedHashMap<>();
        specs.forEach(s -> ready.put(s.name(), new CompletableFuture<>()));
        CompletableFuture<Void> firstFailure = new CompletableFuture<>();
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(specs.size(), r -> {
            Thread t = new Thread(r, "dci-service-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            for (ServiceSpec spec : specs) {
                pool.execute(() -> startOne(spec, ready, firstFailure));
            }
            CompletableFuture.allOf(ready.values().toArray(CompletableFuture[]::new)).whenComplete((v, t) -> firstFailure.complete(null));
            firstFailure.get();
        } catch (ExecutionException e) {
            readyContainers.forEach(ServiceContainer::stopWatching);
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            readyContainers.forEach(ServiceContainer::stopWatching);
            throw e;
        } finally {
            pool.shutdownNow();
            awaitStopped(pool);
        }
        Map<String, ServiceCoordinates> out = new LinkedHashMap<>();
        ready.forEach((name, f) -> out.put(name, f.join()));
        return out;
    }

    /** The started, ready containers, still watched for their exit (the caller stops watching them). */
    List<ServiceContainer> readyContainers() {
        return List.copyOf(readyContainers);
    }

    private void startOne(ServiceSpec spec, Map<String, CompletableFuture<ServiceCoordinates>> ready, CompletableFuture<Void> firstFailure) {
        try {
            for (String dep : spec.dependsOn()) {
                ready.get(dep).get();
            }
            ready.get(spec.name()).complete(startAndAwait(spec));
        } catch (ExecutionException dependencyFailed) {
            ready.get(spec.name()).completeExceptionally(dependencyFailed.getCause());
        } catch (InterruptedException stopped) {
            ready.get(spec.name()).completeExceptionally(stopped);
        } catch (RuntimeException | Error e) {
            // first the overall failure, so that nobody sees this service's future fail before it
            firstFailure.completeExceptionally(e);
            ready.get(spec.name()).completeExceptionally(e);
        }
    }

    private ServiceCoordinates startAndAwait(ServiceSpec spec) throws InterruptedException {
        log.info("Starting service '" + spec.name() + "' (" + spec.image() + "), reachable as " + spec.allAliases());
        ServiceContainer container;
        try {
            container = launcher.launch(spec);
        } catch (ServiceStartException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ServiceStartException(spec.name(), "Service '" + spec.name() + "' (" + spec.image() + ") could not be started: "
                    + OneLine.of(e.getMessage()), e);
        }
        Deadline deadline = Deadline.after(spec.startupTimeout());
        boolean isReady = false;
        try {
            isReady = spec.waitStrategy().waitUntilReady(container, deadline);
            if (!isReady) {
                throw container.running() ? ReadinessFailure.timedOut(container, deadline.elapsed())
                        : ReadinessFailure.exited(container, deadline.elapsed());
            }
        } finally {
            if (!isReady) {
                container.stopWatching();
            }
        }
        readyContainers.add(container);
        Duration timeToReady = deadline.elapsed();
        log.info("Service '" + spec.name() + "' ready after " + ReadinessFailure.seconds(timeToReady) + " ("
                + ReadinessFailure.waitingFor(container) + ")");
        return container.coordinates(timeToReady);
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(cause);
    }

    private static void awaitStopped(ExecutorService pool) {
        // the interrupted threads may be inside an HTTP call that creates a container: wait for them, so the
        // teardown that follows sees everything they created; an interrupt of our own thread must not cut this short
        boolean interrupted = Thread.interrupted();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
        while (!pool.isTerminated() && System.nanoTime() - end < 0) {
            try {
                pool.awaitTermination(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
