package io.jenkins.plugins.dockerci.engine.services;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.jenkins.plugins.dockerci.engine.LogSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Removes containers (with their anonymous volumes) and then networks, for a finally path.
 *
 * <p>Idempotent (something already gone counts as removed), bounded in time, and not cut short by the calling
 * thread's interrupt flag (an aborted build still cleans up; the flag is restored afterwards). Failures are logged
 * at WARN and returned, never thrown, so they cannot hide the outcome that led here. Thread-safe.
 */
public final class Teardown {

    /** How long a teardown may take unless told otherwise. */
    public static final Duration DEFAULT_BOUND = Duration.ofSeconds(60);

    private final DockerClient docker;
    private final Duration bound;
    private final Deque<String> containers = new ConcurrentLinkedDeque<>();
    private final Deque<String> networks = new ConcurrentLinkedDeque<>();

    public Teardown(DockerClient docker, Duration bound) {
        this.docker = docker;
        this.bound = bound;
    }

    /** Remembers a container (id or name) to remove. */
    public void container(String idOrName) {
        containers.add(idOrName);
    }

    /** Remembers a network (id or name) to remove after the containers. */
    public void network(String idOrName) {
        networks.add(idOrName);
    }

    /** What is still to be removed, for messages. */
    public List<String> pending() {
        List<String> all = new ArrayList<>(containers);
        all.addAll(networks);
        return all;
    }

    /** Removes everything remembered so far; returns the problems (also logged at WARN). */
    public List<String> run(LogSink log) {
        List<String> problems = new CopyOnWriteArrayList<>();
        Thread worker = new Thread(() -> removeAll(problems), "dci-teardown");
        worker.setDaemon(true);
        worker.start();
        boolean interrupted = false;
        long end = System.nanoTime() + bound.toNanos();
        while (worker.isAlive() && System.nanoTime() - end < 0) {
            try {
                worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (worker.isAlive()) {
            problems.add("cleanup did not finish within " + bound.toSeconds() + " s; still pending: " + pending()
                    + " (they carry the run's labels, so the reaper removes them later)");
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        problems.forEach(p -> log.warn("Cleanup: " + p));
        return List.copyOf(problems);
    }

    private void removeAll(List<String> problems) {
        // containers go in parallel (each removal waits for its process to be killed); networks only once they are empty
        List<Thread> removals = new ArrayList<>();
        for (String c = containers.poll(); c != null; c = containers.poll()) {
            String container = c;
            Thread t = new Thread(() -> remove("container " + container,
                    () -> docker.removeContainerCmd(container).withForce(true).withRemoveVolumes(true).exec(), problems),
                    "dci-teardown-" + container);
            t.setDaemon(true);
            t.start();
            removals.add(t);
        }
        for (Thread t : removals) {
            joinUninterruptibly(t);
        }
        for (String n = networks.poll(); n != null; n = networks.poll()) {
            String network = n;
            remove("network " + network, () -> docker.removeNetworkCmd(network).exec(), problems);
        }
    }

    private static void joinUninterruptibly(Thread t) {
        // nobody interrupts this private worker; run() alone decides, by its bound, when to stop waiting
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException ignored) {
                // keep waiting: the networks can only go once the containers are gone
            }
        }
    }

    private static void remove(String what, Runnable removal, List<String> problems) {
        try {
            removal.run();
        } catch (NotFoundException alreadyGone) {
            // removed by someone else or never fully created: that is the state we want
        } catch (ConflictException e) {
            // a parallel cleanup (the reaper, a second stop) is removing it right now: it will be gone
            if (!String.valueOf(e.getMessage()).contains("already in progress")) {
                problems.add("could not remove " + what + ": " + OneLine.of(e.getMessage()));
            }
        } catch (RuntimeException e) {
            problems.add("could not remove " + what + ": " + OneLine.of(e.getMessage()));
        }
    }
}
