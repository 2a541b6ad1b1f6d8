package io.jenkins.plugins.dockerci.pipeline;

import io.jenkins.plugins.dockerci.agent.AgentContext;
import io.jenkins.plugins.dockerci.agent.AgentTask;
import io.jenkins.plugins.dockerci.agent.Jep200;
import io.jenkins.plugins.dockerci.config.RegistryLogin;
import io.jenkins.plugins.dockerci.engine.image.ImageReference;
import io.jenkins.plugins.dockerci.engine.push.ImagePublisher;
import io.jenkins.plugins.dockerci.engine.push.PushRequest;
import io.jenkins.plugins.dockerci.engine.push.PushResult;
import io.jenkins.plugins.dockerci.engine.push.RetryPolicy;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * {@code dockerPush} on the agent.
 *
 * @param engine   the node's engine
 * @param source   the local image (id or reference)
 * @param targets  the references to push
 * @param logins   the login of each target registry that needs one (resolved on the controller)
 * @param attempts attempts per target for transient failures
 */
record PushTask(NodeEngine engine, String source, List<String> targets, List<RegistryLogin> logins, int attempts)
        implements AgentTask<PushTask.Result> {

    PushTask {
        targets = Jep200.list(targets);
        logins = Jep200.list(logins);
    }

    /**
     * The engine's request.
     *
     * @throws io.jenkins.plugins.dockerci.engine.InvalidRequestException saying which value is wrong
     */
    PushRequest request() {
        PushRequest.Builder builder = PushRequest.builder(source)
                .target(targets.toArray(String[]::new))
                .retry(new RetryPolicy(attempts, RetryPolicy.DEFAULT.initialBackoff(), RetryPolicy.DEFAULT.maxBackoff()));
        logins.forEach(login -> builder.credentials(login.registry(), login.credentials()));
        return builder.build();
    }

    @Override
    public Result run(AgentContext agent) throws IOException {
        PushRequest request = request();
        try (NodeEngine.Session session = engine.open(agent)) {
            PushResult result = new ImagePublisher(session.engine()).push(request, agent.log());
            return new Result(result.pushed().stream().map(p -> new Pushed(p.reference().toString(), p.digest())).toList());
        }
    }

    /** One pushed reference and the digest its registry reported. */
    record Pushed(String reference, String digest) implements Serializable {
    }

    /** What came back, in the order of the targets. */
    record Result(List<Pushed> pushed) implements Serializable {
        Result {
            pushed = Jep200.list(pushed);
        }
    }

    /** The registry of a reference, as the credentials are keyed. */
    static String registryOf(String reference) {
        return ImageReference.parse(reference).domain();
    }
}
