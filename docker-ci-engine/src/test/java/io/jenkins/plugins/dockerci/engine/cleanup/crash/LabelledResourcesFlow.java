package io.jenkins.plugins.dockerci.engine.cleanup.crash;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.model.HostConfig;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.cleanup.RunFixture;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for build + services + test, made of the same Docker calls: a network, two service containers on it,
 * an image built from a streamed context (with a RUN step, so the build has an intermediate container), and a test
 * container from that image that runs to completion.
 */
public final class LabelledResourcesFlow implements CrashableFlow {

    @Override
    public void run(EngineContext ctx, Checkpoints checkpoints) {
        RunFixture fixture = new RunFixture(ctx);
        String suffix = ctx.run().runId();
        checkpoints.reached("network");
        String net = fixture.network("dci-crash-net-" + suffix);
        checkpoints.reached("services");
        fixture.container("dci-crash-db-" + suffix, net, null);
        fixture.container("dci-crash-cache-" + suffix, net, null);
        checkpoints.reached("build");
        String image = fixture.image("dci-crash-app-" + suffix + ":ci", true);
        checkpoints.reached("test");
        runTest(ctx, image, net, "dci-crash-test-" + suffix);
    }

    private static void runTest(EngineContext ctx, String image, String net, String name) {
        DockerClient docker = ctx.docker();
        ctx.tracker().creating(ResourceKind.CONTAINER, name);
        String id = docker.createContainerCmd(image).withName(name).withCmd("sh", "-c", "sleep 1; cat /hello.txt /built.txt")
                .withLabels(ctx.labels()).withHostConfig(HostConfig.newHostConfig().withInit(true).withNetworkMode(net)).exec().getId();
        ctx.tracker().created(ResourceKind.CONTAINER, name, id);
        docker.startContainerCmd(id).exec();
        int exit = docker.waitContainerCmd(id).exec(new WaitContainerResultCallback()).awaitStatusCode(60, TimeUnit.SECONDS);
        if (exit != 0) {
            throw new IllegalStateException("the test container exited with " + exit);
        }
    }
}
