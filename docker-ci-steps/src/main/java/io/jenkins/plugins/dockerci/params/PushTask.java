package io.jenkins.plugins.dockerci.params;

import io.jenkins.plugins.dockerci.agent.AgentContext;
import io.jenkins.plugins.dockerci.agent.AgentTask;
import io.jenkins.plugins.dockerci.engine.push.ImagePublisher;
import io.jenkins.plugins.dockerci.engine.push.PushResult;
import java.io.IOException;
import java.util.List;

/**
 * Tags and pushes an image on the node whose engine holds it.
 *
 * @param target   the engine and the build's identity
 * @param settings what to push where
 */
public record PushTask(EngineTarget target, PushSettings settings) implements AgentTask<PushOutcome> {

    @Override
    public PushOutcome run(AgentContext context) throws IOException, InterruptedException {
        return target.connect(context, (engine, node) -> {
            PushResult result = new ImagePublisher(engine).push(settings.toRequest(), context.log());
            List<PushOutcome.Pushed> pushed = result.pushed().stream()
                    .map(tag -> new PushOutcome.Pushed(tag.reference().toString(), tag.digest()))
                    .toList();
            return new PushOutcome(result.imageId(), pushed);
        });
    }
}
