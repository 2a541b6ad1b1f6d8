package io.jenkins.plugins.dockerci.testsupport;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import jenkins.model.RunAction2;

/** A build that keeps its actions and counts its saves, as far as the plugin's actions use a build. */
public final class RecordingRun extends Run<RecordingRun.RecordingJob, RecordingRun> {

    private final String externalizableId;
    private final File rootDir;
    private final List<Action> actions = new CopyOnWriteArrayList<>();
    private final AtomicInteger saves = new AtomicInteger();

    public RecordingRun(String jobFullName, int number, File rootDir) throws IOException {
        super(null);
        this.externalizableId = jobFullName + "#" + number;
        this.rootDir = rootDir;
    }

    @Override
    public String getExternalizableId() {
        return externalizableId;
    }

    @Override
    public File getRootDir() {
        return rootDir;
    }

    @Override
    public void addAction(Action a) {
        actions.add(a);
        if (a instanceof RunAction2 attached) {
            attached.onAttached(this);
        }
    }

    @Override
    public <T extends Action> T getAction(Class<T> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    @Override
    public synchronized void save() {
        saves.incrementAndGet();
    }

    /** How often the build was saved. */
    public int saves() {
        return saves.get();
    }

    @Override
    public int compareTo(RecordingRun other) {
        return externalizableId.compareTo(other.externalizableId);
    }

    /** The job type the build type needs; never instantiated. */
    public abstract static class RecordingJob extends Job<RecordingJob, RecordingRun> {
        protected RecordingJob() {
            super(null, "recording");
        }
    }
}
