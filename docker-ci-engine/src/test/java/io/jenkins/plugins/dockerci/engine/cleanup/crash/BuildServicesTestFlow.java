package io.jenkins.plugins.dockerci.engine.cleanup.crash;

import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.build.ImageBuilder;
import io.jenkins.plugins.dockerci.engine.cleanup.faults.SampleApp;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import io.jenkins.plugins.dockerci.engine.testrun.TestOutcome;
import io.jenkins.plugins.dockerci.engine.testrun.TestRunner;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real flow: {@link ImageBuilder} builds the sample app from a context on disk, then {@link TestRunner} starts
 * its three services on a network of their own and runs the tests in the image just built.
 *
 * <p>The services start inside the test runner, after the build, so the checkpoints come in the order
 * {@code build}, {@code network}, {@code services}, {@code test}. The last three are reported by the tracker, right
 * before the engine records (and then creates) the network, the first service container and the test container.
 */
public final class BuildServicesTestFlow implements CrashableFlow {

    /** Image and tag, network, three services, test container. */
    static final int RESOURCES = 7;

    @Override
    public void run(EngineContext ctx, Checkpoints checkpoints) throws Exception {
        Path context = SampleApp.writeContext(Files.createTempDirectory("sample-app-"), false, ctx.run().runId());
        EngineContext reporting = new EngineContext(ctx.docker(), ctx.run(), new CheckpointingTracker(ctx.tracker(), checkpoints), ctx.clock());
        checkpoints.reached("build");
        String image = new ImageBuilder(reporting).build(SampleApp.build(context, "dci-crash-app-" + ctx.run().runId() + ":ci"),
                LogSink.NONE).imageId();
        TestOutcome outcome = new TestRunner(reporting).run(SampleApp.test(image, SampleApp.services(image), 0), LogSink.NONE);
        if (!outcome.passed()) {
            throw new IllegalStateException("the tests did not pass: " + outcome);
        }
    }

    /** Reports a checkpoint the first time the engine is about to create a network, a service, the test container. */
    private static final class CheckpointingTracker implements ResourceTracker {

        private final ResourceTracker ledger;
        private final Checkpoints checkpoints;
        private boolean network;
        private boolean services;

        CheckpointingTracker(ResourceTracker ledger, Checkpoints checkpoints) {
            this.ledger = ledger;
            this.checkpoints = checkpoints;
        }

        @Override
        public void creating(ResourceKind kind, String name) {
            checkpointBefore(kind, name);
            ledger.creating(kind, name);
        }

        @Override
        public void created(ResourceKind kind, String name, String id) {
            ledger.created(kind, name, id);
        }

        @Override
        public void pushed(String reference) {
            ledger.pushed(reference);
        }

        // services start concurrently: only the first of them reports
        private synchronized void checkpointBefore(ResourceKind kind, String name) {
            if (kind == ResourceKind.NETWORK && !network) {
                network = true;
                checkpoints.reached("network");
            } else if (kind == ResourceKind.CONTAINER && name.contains("-test-")) {
                checkpoints.reached("test");
            } else if (kind == ResourceKind.CONTAINER && !services) {
                services = true;
                checkpoints.reached("services");
            }
        }
    }
}
