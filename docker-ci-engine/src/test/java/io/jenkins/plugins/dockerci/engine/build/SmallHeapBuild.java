package io.jenkins.plugins.dockerci.engine.build;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.docker.DockerClients;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import io.jenkins.plugins.dockerci.engine.testsupport.TestEnvironment;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

/**
 * Builds one context in a JVM of its own, so that a test can give it a small heap: {@code <context> <owner> <run>}.
 * Prints {@code IMAGE <id>}, {@code MAX_HEAP <bytes>} and {@code PEAK_HEAP <bytes>}.
 */
public final class SmallHeapBuild {

    private SmallHeapBuild() {
    }

    public static void main(String[] args) throws Exception {
        RunContext run = new RunContext(args[1], args[2]);
        try (DockerClient docker = DockerClients.connect(TestEnvironment.current().dockerEndpoint())) {
            BuiltImage image = new ImageBuilder(new EngineContext(docker, run, ResourceTracker.NONE))
                    // the classic builder: BuildKit would keep each run's random 512 MB context in the engine's build cache
                    .build(BuildRequest.builder(Path.of(args[0])).builder(BuilderChoice.CLASSIC).build(), LogSink.NONE);
            System.out.println("IMAGE " + image.imageId());
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("MAX_HEAP " + Runtime.getRuntime().maxMemory());
        System.out.println("PEAK_HEAP " + peak);
    }
}
