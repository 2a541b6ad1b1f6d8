package io.jenkins.plugins.dockerci.engine.cleanup.faults;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Passes every call on to the run's tracker (the ledger), reports it as an event of the step, and notes the
 * anonymous volumes of each container the engine creates: they carry no labels, so only this witness can tell
 * whether cleanup removed them with their container.
 *
 * <p>The container is inspected on a thread of its own while the engine's thread waits, uninterruptibly: the engine
 * cannot remove the container before it learns its id from here, and an interrupt aimed at the engine must neither
 * stop the inspection nor get lost.
 */
final class WitnessingTracker implements ResourceTracker {

    private final ResourceTracker delegate;
    private final DockerClient docker;
    private final Consumer<String> events;
    private final List<String> anonymousVolumes = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    /** {@code docker} is used for the inspections only; it must not be the engine's client. */
    WitnessingTracker(ResourceTracker delegate, DockerClient docker, Consumer<String> events) {
        this.delegate = delegate;
        this.docker = docker;
        this.events = events;
    }

    @Override
    public void creating(ResourceKind kind, String name) {
        delegate.creating(kind, name);
        events.accept("creating " + kind + " " + name);
    }

    @Override
    public void created(ResourceKind kind, String name, String id) {
        delegate.created(kind, name, id);
        if (kind == ResourceKind.CONTAINER) {
            witnessVolumes(name, id);
        }
        events.accept("created " + kind + " " + name);
    }

    @Override
    public void pushed(String reference) {
        delegate.pushed(reference);
        events.accept("pushed " + reference);
    }

    /** The names of the anonymous volumes of the containers created so far. */
    List<String> anonymousVolumes() {
        return List.copyOf(anonymousVolumes);
    }

    /** Containers whose volumes could not be inspected (a test that sees any cannot vouch for their volumes). */
    List<String> problems() {
        return List.copyOf(problems);
    }

    private void witnessVolumes(String name, String id) {
        CompletableFuture<InspectContainerResponse> inspection = CompletableFuture.supplyAsync(() -> docker.inspectContainerCmd(id).exec());
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    InspectContainerResponse container = inspection.get(1, TimeUnit.MINUTES);
                    // an anonymous volume is named by 64 hex digits; bind mounts have no name
                    container.getMounts().stream().filter(m -> m.getName() != null && m.getName().matches("[0-9a-f]{64}"))
                            .forEach(m -> anonymousVolumes.add(m.getName()));
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof NotFoundException)) {
                problems.add(name + ": " + e.getCause());
            }
        } catch (TimeoutException e) {
            problems.add(name + ": inspection timed out");
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
