package io.jenkins.plugins.dockerci.params;

import io.jenkins.plugins.dockerci.agent.AgentContext;
import io.jenkins.plugins.dockerci.agent.AgentTask;
import io.jenkins.plugins.dockerci.engine.build.BuiltImage;
import io.jenkins.plugins.dockerci.engine.build.ImageBuilder;
import java.io.IOException;

/**
 * Builds an image on the node that holds the workspace.
 *
 * @param target   the engine and the build's identity
 * @param settings what to build
 */
public record BuildTask(EngineTarget target, BuildSettings settings) implements AgentTask<BuildOutcome> {

    @Override
    public BuildOutcome run(AgentContext context) throws IOException, InterruptedException {
        return target.connect(context, (engine, node) -> {
            BuiltImage image = new ImageBuilder(engine)
                    .build(settings.toRequest(context.workspace().toPath()), context.log());
            return new BuildOutcome(image.imageId(), image.tags(), image.duration().toMillis(), image.builder().parameterValue());
        });
    }
}
