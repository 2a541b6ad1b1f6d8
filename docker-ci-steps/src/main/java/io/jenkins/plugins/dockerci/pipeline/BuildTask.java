package io.jenkins.plugins.dockerci.pipeline;

import io.jenkins.plugins.dockerci.agent.AgentContext;
import io.jenkins.plugins.dockerci.agent.AgentTask;
import io.jenkins.plugins.dockerci.agent.Jep200;
import io.jenkins.plugins.dockerci.engine.build.BuildRequest;
import io.jenkins.plugins.dockerci.engine.build.BuiltImage;
import io.jenkins.plugins.dockerci.engine.build.ImageBuilder;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SortedMap;

/**
 * {@code dockerBuild} on the agent: the build request in plain values, resolved against the workspace there.
 *
 * @param engine        the node's engine
 * @param context       the context directory, relative to the workspace
 * @param dockerfile    the Dockerfile relative to the context, or {@code null}
 * @param tags          references to tag the image with
 * @param buildArgs     build-arg values
 * @param target        the stage, or {@code null}
 * @param labels        extra labels
 * @param revision      the source revision, or {@code null}
 * @param source        the source URL, or {@code null}
 * @param pull          always pull base images
 * @param noCache       do not use the cache
 * @param cacheFrom     cache source images
 * @param timeoutMillis the limit for the whole build
 */
record BuildTask(NodeEngine engine, String context, String dockerfile, List<String> tags, SortedMap<String, String> buildArgs,
                 String target, SortedMap<String, String> labels, String revision, String source, boolean pull,
                 boolean noCache, List<String> cacheFrom, long timeoutMillis) implements AgentTask<BuildTask.Result> {

    BuildTask {
        tags = Jep200.list(tags);
        buildArgs = Jep200.map(buildArgs);
        labels = Jep200.map(labels);
        cacheFrom = Jep200.list(cacheFrom);
    }

    /**
     * The engine's request for a workspace at {@code workspace}.
     *
     * @throws io.jenkins.plugins.dockerci.engine.InvalidRequestException saying which value is wrong
     */
    BuildRequest request(Path workspace) {
        Path contextDir = workspace.resolve(context).normalize();
        BuildRequest.Builder builder = BuildRequest.builder(contextDir)
                .tags(tags)
                .target(target)
                .revision(revision)
                .source(source)
                .pull(pull)
                .noCache(noCache)
                .timeout(Duration.ofMillis(timeoutMillis));
        if (dockerfile != null) {
            builder.dockerfile(Path.of(dockerfile));
        }
        buildArgs.forEach(builder::buildArg);
        labels.forEach(builder::label);
        cacheFrom.forEach(builder::cacheFrom);
        return builder.build();
    }

    @Override
    public Result run(AgentContext agent) throws IOException {
        BuildRequest request = request(agent.workspace().toPath());
        try (NodeEngine.Session session = engine.open(agent)) {
            BuiltImage image = new ImageBuilder(session.engine()).build(request, agent.log());
            return new Result(image.imageId(), image.tags(), image.duration().toMillis());
        }
    }

    /** What came back: the image id, its tags and how long the build took. */
    record Result(String imageId, List<String> tags, long durationMillis) implements Serializable {
        Result {
            tags = Jep200.list(tags);
        }
    }
}
