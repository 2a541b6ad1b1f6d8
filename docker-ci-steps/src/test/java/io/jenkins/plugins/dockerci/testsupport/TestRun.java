package io.jenkins.plugins.dockerci.testsupport;

import hudson.EnvVars;
import hudson.model.Action;
import hudson.model.EnvironmentContributingAction;
import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import jenkins.model.RunAction2;

/**
 * A build as far as the plugin sees it: its id, directory, actions (attached as Jenkins attaches them), result, saves,
 * and the environment Jenkins gives each step (the build's variables plus what its actions contribute).
 */
public final class TestRun extends Run<TestRun.TestJob, TestRun> {

    private final String externalizableId;
    private final File rootDir;
    private final List<Action> actions = new CopyOnWriteArrayList<>();
    private final AtomicInteger saves = new AtomicInteger();
    private Result result;

    public TestRun(String jobFullName, int number, File rootDir) throws IOException {
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

    /** As in Jenkins: a result only ever gets worse. */
    @Override
    public synchronized void setResult(Result r) {
        if (result == null || r.isWorseThan(result)) {
            result = r;
        }
    }

    @Override
    public synchronized Result getResult() {
        return result;
    }

    /** Jenkins writes {@code build.xml} here; the double only counts, as the records live in the build's actions. */
    @Override
    public void save() {
        saves.incrementAndGet();
    }

    /** How often the build was saved. */
    public int saves() {
        return saves.get();
    }

    /** The environment of the next step: {@code base} plus what the build's actions contribute. */
    public EnvVars environment(EnvVars base) {
        EnvVars env = new EnvVars(base);
        actions.stream().filter(EnvironmentContributingAction.class::isInstance)
                .forEach(a -> ((EnvironmentContributingAction) a).buildEnvironment(this, env));
        return env;
    }

    @Override
    public int compareTo(TestRun other) {
        return externalizableId.compareTo(other.externalizableId);
    }

    /** The job type the build type needs; never instantiated. */
    public abstract static class TestJob extends Job<TestJob, TestRun> {
        protected TestJob() {
            super(null, "test");
        }
    }
}
