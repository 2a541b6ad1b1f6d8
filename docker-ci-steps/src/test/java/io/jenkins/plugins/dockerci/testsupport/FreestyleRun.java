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

/**
 * A freestyle build as far as the steps see it: its id, directory, actions, result, and the environment Jenkins
 * gives each step (the build's variables plus what its actions contribute).
 */
public final class FreestyleRun extends Run<FreestyleRun.FreestyleJob, FreestyleRun> {

    private final String externalizableId;
    private final File rootDir;
    private final List<Action> actions = new CopyOnWriteArrayList<>();
    private Result result;

    public FreestyleRun(String jobFullName, int number, File rootDir) throws IOException {
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

    /** The environment of the next step: {@code base} plus what the build's actions contribute. */
    public EnvVars environment(EnvVars base) {
        EnvVars env = new EnvVars(base);
        actions.stream().filter(EnvironmentContributingAction.class::isInstance)
                .forEach(a -> ((EnvironmentContributingAction) a).buildEnvironment(this, env));
        return env;
    }

    @Override
    public int compareTo(FreestyleRun other) {
        return externalizableId.compareTo(other.externalizableId);
    }

    /** The job type the build type needs; never instantiated. */
    public abstract static class FreestyleJob extends Job<FreestyleJob, FreestyleRun> {
        protected FreestyleJob() {
            super(null, "freestyle");
        }
    }
}
