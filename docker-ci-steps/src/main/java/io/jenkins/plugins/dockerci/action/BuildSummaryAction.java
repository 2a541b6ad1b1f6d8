package io.jenkins.plugins.dockerci.action;

import hudson.model.Run;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;

/**
 * What Docker CI did in one build, on the build page: images built, test runs, pushed references with their digests,
 * and cleanups. One per build, shared by every step of the build (Pipeline branches included).
 *
 * <p>Stored in {@code build.xml} as plain values of this plugin ({@link ImageRecord}, {@link TestRecord},
 * {@link PushRecord}, {@link CleanupRecord}), so loading a build needs no class outside the plugin and Jenkins'
 * class filter accepts everything in it.
 */
public final class BuildSummaryAction implements RunAction2 {

    private static final Logger LOGGER = Logger.getLogger(BuildSummaryAction.class.getName());

    private List<ImageRecord> images = new ArrayList<>();
    private List<TestRecord> tests = new ArrayList<>();
    private List<PushRecord> pushes = new ArrayList<>();
    private List<CleanupRecord> cleanups = new ArrayList<>();

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
        synchronized (this) {
            images.add(image);
        }
        save();
    }

    /** Records a test run and saves the build. */
    public void add(TestRecord test) {
        synchronized (this) {
            tests.add(test);
        }
        save();
    }

    /** Records pushed references and saves the build. */
    public void add(List<PushRecord> pushed) {
        synchronized (this) {
            pushes.addAll(pushed);
        }
        save();
    }

    /** Records a cleanup and saves the build. */
    public void add(CleanupRecord cleanup) {
        synchronized (this) {
            cleanups.add(cleanup);
        }
        save();
    }

    public synchronized List<ImageRecord> getImages() {
        return List.copyOf(images);
    }

    public synchronized List<TestRecord> getTests() {
        return List.copyOf(tests);
    }

    public synchronized List<PushRecord> getPushes() {
        return List.copyOf(pushes);
    }

    public synchronized List<CleanupRecord> getCleanups() {
        return List.copyOf(cleanups);
    }

    /** The build, for the page's side panel. */
    public Run<?, ?> getRun() {
        return run;
    }

    /** Whether there is anything to show yet. */
    public synchronized boolean isEmpty() {
        return images.isEmpty() && tests.isEmpty() && pushes.isEmpty() && cleanups.isEmpty();
    }

    @Override
    public String getIconFileName() {
        return "symbol-cube";
    }

    @Override
    public String getDisplayName() {
        return "Docker CI";
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

    /** A build stored by an older version may lack a list: start it empty. */
    private Object readResolve() {
        images = images == null ? new ArrayList<>() : images;
        tests = tests == null ? new ArrayList<>() : tests;
        pushes = pushes == null ? new ArrayList<>() : pushes;
        cleanups = cleanups == null ? new ArrayList<>() : cleanups;
        return this;
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
