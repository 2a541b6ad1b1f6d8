package io.jenkins.plugins.dockerci.pipeline;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.dockerci.action.DockerCiAction;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.testsupport.RecordingListener;
import io.jenkins.plugins.dockerci.testsupport.RecordingRun;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One build on one node, for driving step executions directly: workspace, console, build, environment, services. */
final class StepFixture {

    final Path workspace;
    final RecordingRun run;
    final RecordingListener listener = new RecordingListener();
    final EnvVars env = new EnvVars();
    final FakeServices services;

    StepFixture(Path dir, RunContext runContext) throws IOException {
        this.workspace = Files.createDirectories(dir.resolve("workspace"));
        this.run = new RecordingRun("folder/app", 7, Files.createDirectories(dir.resolve("build")).toFile());
        this.services = new FakeServices(runContext);
    }

    /** A fresh context for one step of this build. */
    FakeStepContext context() {
        return new FakeStepContext()
                .with(Run.class, run)
                .with(TaskListener.class, listener)
                .with(FilePath.class, new FilePath(workspace.toFile()))
                .with(EnvVars.class, env);
    }

    DockerCiAction summary() {
        return run.getAction(DockerCiAction.class);
    }

    File file(String relative) {
        return workspace.resolve(relative).toFile();
    }
}
