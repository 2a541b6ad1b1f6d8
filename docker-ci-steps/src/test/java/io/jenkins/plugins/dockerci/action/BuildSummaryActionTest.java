package io.jenkins.plugins.dockerci.action;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Run;
import java.io.Writer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The build page's summary, as Jenkins stores it. */
@WithJenkins
class BuildSummaryActionTest {

    private static final int RECORDS_PER_BRANCH = 50;

    @Test
    void branchesRecordingWhileTheBuildIsSavedLoseNothing_W10(JenkinsRule r) throws Exception {
        FreeStyleProject project = r.createFreeStyleProject();
        FreeStyleBuild build = r.buildAndAssertSuccess(project);
        BuildSummaryAction summary = BuildSummaryAction.of(build);
        List<Throwable> saveFailures = new CopyOnWriteArrayList<>();
        AtomicBoolean recording = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(4);

        // serialises the build as Run.save() does, without its lock and disk write, so it runs all the time the
        // branches record (each of which saves the build too); a list changing under it fails the serialisation
        Future<?> saver = threads.submit(() -> {
            while (recording.get()) {
                try {
                    Run.XSTREAM2.toXML(build, Writer.nullWriter());
                } catch (RuntimeException e) {
                    saveFailures.add(e);
                }
            }
        });
        List<Future<?>> branches = List.of(
                threads.submit(() -> record(summary, "left")),
                threads.submit(() -> record(summary, "right")),
                threads.submit(() -> record(summary, "middle")));
        for (Future<?> branch : branches) {
            branch.get();
        }
        recording.set(false);
        saver.get();
        threads.shutdown();
        build.save();

        assertThat(saveFailures).isEmpty();
        build.reload();
        BuildSummaryAction reloaded = build.getAction(BuildSummaryAction.class);
        assertThat(reloaded.getImages()).hasSize(3 * RECORDS_PER_BRANCH);
        assertThat(reloaded.getCleanups()).hasSize(3 * RECORDS_PER_BRANCH);
    }

    private static void record(BuildSummaryAction summary, String branch) {
        for (int i = 0; i < RECORDS_PER_BRANCH; i++) {
            summary.add(new ImageRecord("sha256:" + branch + i, List.of(branch + ":" + i), Duration.ofMillis(i), branch, "buildkit"));
            summary.add(new CleanupRecord(branch, 1, 0, 0, 0, List.of(), Duration.ofMillis(i)));
        }
    }
}
