package io.jenkins.plugins.dockerci.engine.services;

import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers what the engine reported, as "creating KIND name" / "created KIND name". */
public final class RecordingTracker implements ResourceTracker {

    private final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void creating(ResourceKind kind, String name) {
        events.add("creating " + kind + " " + name);
    }

    @Override
    public void created(ResourceKind kind, String name, String id) {
        events.add("created " + kind + " " + name);
    }

    public List<String> events() {
        return List.copyOf(events);
    }
}
