package io.jenkins.plugins.dockerci.action;

import hudson.model.Run;
import io.jenkins.plugins.dockerci.Messages;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;

/**
 * What Docker CI did in one build, on the build page: images built, test runs, pushed references with their digests,
 * and cleanups. One per build, shared by every step of the build (Pipeline branches included).
 *
 * <p>Each list is a copy-on-write list: parallel branches add to it while {@code Run.save()} (which locks the run, not
 * this action) serialises it, and a serialisation never sees a list changing under it, so no save is lost
 * (finding W10 of the runtime review).
 *
 * <p>Stored in {@code build.xml} as plain values of this plugin ({@link ImageRecord}, {@link TestRecord},
 * {@link PushRecord}, {@link CleanupRecord}), so loading a build needs no class outside the plugin and Jenkins'
 * class filter accepts everything in it.
 */
public final class BuildSummaryAction implements RunAction2 {

    private static final Logger LOGGER = Logger.getLogger(BuildSummaryAction.class.getName());

    private List<ImageRecord> images = new CopyOnWriteArrayList<>();
    private List<TestRecord> tests = new CopyOnWriteArrayList<>();
    private List<PushRecord> pushes = new CopyOnWriteArrayList<>();
    private List<CleanupRecord> cleanups = new CopyOnWriteArrayList<>();

    private transient Run<?, ?> run;

    /** The action of {@code run}, added to it on first use. */
    public static BuildSummaryAction of(Run<?, ?> run) {
        // parallel branches of one Pipeline record into the same build
        synchronized (run) {
            BuildSummaryAction action = run.getAction(BuildSummaryAction.class);
            if (action == null) {
                action = new BuildSummaryAction();
                run.addAction(action);
                action.run = run;
            }
            return action;
        }
    }

    /** Records a built image and saves the build. */
    public void add(ImageRecord image) {
        images.add(image);
        save();
    }

    /** Records a test run and saves the build. */
    public void add(TestRecord test) {
        tests.add(test);
        save();
    }

    /** Records pushed references and saves the build. */
    public void add(List<PushRecord> pushed) {
        pushes.addAll(pushed);
        save();
    }

    /** Records a cleanup and saves the build. */
    public void add(CleanupRecord cleanup) {
        cleanups.add(cleanup);
        save();
    }

    public List<ImageRecord> getImages() {
        return List.copyOf(images);
    }

    public List<TestRecord> getTests() {
        return List.copyOf(tests);
    }

    public List<PushRecord> getPushes() {
        return List.copyOf(pushes);
    }

    public List<CleanupRecord> getCleanups() {
        return List.copyOf(cleanups);
    }

    /** The build, for the page's side panel. */
    public Run<?, ?> getRun() {
        return run;
    }

    /** Whether there is anything to show yet. */
    public boolean isEmpty() {
        return images.isEmpty() && tests.isEmpty() && pushes.isEmpty() && cleanups.isEmpty();
    }

    @Override
    public String getIconFileName() {
        return "symbol-cube";
    }

    @Override
    public String getDisplayName() {
        return Messages.BuildSummaryAction_displayName();
    }

    @Override
    public String getUrlName() {
        return "docker-ci";
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    /** A build stored by an older version may lack a list, or hold another kind of list. */
    private Object readResolve() {
        images = copyOnWrite(images);
        tests = copyOnWrite(tests);
        pushes = copyOnWrite(pushes);
        cleanups = copyOnWrite(cleanups);
        return this;
    }

    private static <T> List<T> copyOnWrite(Collection<T> stored) {
        return stored == null ? new CopyOnWriteArrayList<>() : new CopyOnWriteArrayList<>(stored);
    }

    private void save() {
        Run<?, ?> owner = run;
        if (owner == null) {
            return;
        }
        try {
            owner.save();
        } catch (IOException e) {
            // the record stays in memory and is written with the build's next save
            LOGGER.log(Level.WARNING, "Could not save the Docker CI summary of " + owner.getExternalizableId(), e);
        }
    }
}
