package io.jenkins.plugins.dockerci.engine.cleanup.crash;

import io.jenkins.plugins.dockerci.engine.EngineContext;

/**
 * A flow the crash tests run in a child JVM and kill at random moments: build, services, test, or a stand-in.
 *
 * <p>Implementations need a public no-argument constructor (the child JVM gets the class name as an argument),
 * must create every resource through {@code ctx} (its labels and its tracker, which is the run's ledger), and call
 * {@link Checkpoints#reached} at the points a parent may want to kill near. They must not clean up: the point is
 * what a killed run leaves behind. Temporary files they create ({@code Files.createTempDirectory}) land in the test's
 * temporary directory.
 */
public interface CrashableFlow {

    void run(EngineContext ctx, Checkpoints checkpoints) throws Exception;
}
