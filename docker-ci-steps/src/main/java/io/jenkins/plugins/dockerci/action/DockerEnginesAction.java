package io.jenkins.plugins.dockerci.action;

import hudson.model.InvisibleAction;
import hudson.model.Run;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every Docker engine a build has used so far, in the order of first use; the position of an engine is the name of
 * its ledger in the build directory. Saved with the build as soon as an engine is added, before any work starts on
 * it, so the final cleanup, the safety net and the reaper reach every engine the build touched, also after Jenkins
 * restarted (findings W4 and W5 of the runtime review).
 */
public final class DockerEnginesAction extends InvisibleAction {

    private static final Logger LOGGER = Logger.getLogger(DockerEnginesAction.class.getName());

    private List<EngineRecord> engines = new CopyOnWriteArrayList<>();

    /** The action of {@code run}, added to it on first use. */
    public static DockerEnginesAction of(Run<?, ?> run) {
        synchronized (run) {
            DockerEnginesAction action = run.getAction(DockerEnginesAction.class);
            if (action == null) {
                action = new DockerEnginesAction();
                run.addAction(action);
            }
            return action;
        }
    }

    /** The engines of {@code run}, empty if it used none. */
    public static List<EngineRecord> enginesOf(Run<?, ?> run) {
        DockerEnginesAction action = run.getAction(DockerEnginesAction.class);
        return action == null ? List.of() : action.getEngines();
    }

    /**
     * The position of {@code engine} in this build's list, adding it (and saving the build) if it is new.
     */
    public int register(Run<?, ?> run, EngineRecord engine) {
        int index;
        synchronized (this) {
            index = engines.indexOf(engine);
            if (index >= 0) {
                return index;
            }
            engines.add(engine);
            index = engines.size() - 1;
        }
        try {
            run.save();
        } catch (IOException e) {
            // the ledger file is written all the same; the reaper finds what is left by its labels
            LOGGER.log(Level.WARNING, "Could not save the Docker engines of " + run.getExternalizableId(), e);
        }
        return index;
    }

    public List<EngineRecord> getEngines() {
        return List.copyOf(engines);
    }

    private Object readResolve() {
        engines = engines == null ? new CopyOnWriteArrayList<>() : new CopyOnWriteArrayList<>(engines);
        return this;
    }
}
