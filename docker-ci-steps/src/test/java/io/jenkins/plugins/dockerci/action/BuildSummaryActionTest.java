package io.jenkins.plugins.dockerci.action;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import java.io.IOException;
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

    @Test
    void branchesRecordingWhileTheBuildIsSavedLoseNothing_W10(JenkinsRule r) throws Exception {
        FreeStyleProject project = r.createFreeStyleProject();
        FreeStyleBuild build = r.buildAndAssertSuccess(project);
        BuildSummaryAction summary = BuildSummaryAction.of(build);
        List<Throwable> saveFailures = new CopyOnWriteArrayList<>();
        AtomicBoolean recording = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(4);

        Future<?> saver = threads.submit(() -> {
            while (recording.get()) {
                try {
                    build.save();
                } catch (IOException e) {
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
        assertThat(reloaded.getImages()).hasSize(150);
        assertThat(reloaded.getCleanups()).hasSize(150);
    }

    private static void record(BuildSummaryAction summary, String branch) {
        for (int i = 0; i < 50; i++) {
            summary.add(new ImageRecord("sha256:" + branch + i, List.of(branch + ":" + i), Duration.ofMillis(i), branch, "buildkit"));
            summary.add(new CleanupRecord(branch, 1, 0, 0, 0, List.of(), Duration.ofMillis(i)));
        }
    }
}
