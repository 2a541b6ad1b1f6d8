package io.jenkins.plugins.dockerci.params;

import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.agent.AgentContext;
import io.jenkins.plugins.dockerci.agent.AgentTask;
import io.jenkins.plugins.dockerci.engine.testrun.TestOutcome;
import io.jenkins.plugins.dockerci.engine.testrun.TestRunner;
import io.jenkins.plugins.dockerci.engine.testrun.Termination;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Runs the tests (with their services) on the node that holds the workspace; reports are copied into it.
 * An interrupted run (the build was aborted) ends in {@link InterruptedException} once the engine stopped it.
 *
 * @param target   the engine and the build's identity
 * @param settings what to run
 */
public record TestTask(EngineTarget target, TestSettings settings) implements AgentTask<TestSummary> {

    @Override
    public TestSummary run(AgentContext context) throws IOException, InterruptedException {
        Path workspace = context.workspace().toPath().toAbsolutePath().normalize();
        TestOutcome outcome = target.connect(context,
                (engine, node) -> new TestRunner(engine).run(settings.toRequest(workspace), context.log()));
        if (outcome.termination() == Termination.INTERRUPTED) {
            throw new InterruptedException(Messages.TestTask_interrupted());
        }
        return TestSummary.of(outcome, workspace);
    }
}
