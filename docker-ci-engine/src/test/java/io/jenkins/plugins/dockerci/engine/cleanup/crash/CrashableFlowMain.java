package io.jenkins.plugins.dockerci.engine.cleanup.crash;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.RunContext;
import io.jenkins.plugins.dockerci.engine.docker.DockerClients;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceLedger;
import io.jenkins.plugins.dockerci.engine.testsupport.TestEnvironment;
import java.nio.file.Path;

/**
 * The child JVM of the crash tests: {@code <flow class> <ledger directory> <owner id> <run id>}. Runs the flow with a
 * {@link ResourceLedger} as tracker, then waits to be killed (a finished flow that never cleans up is one more
 * kill point).
 */
public final class CrashableFlowMain {

    static final String STARTED = "started";
    static final String FINISHED = "finished";

    private CrashableFlowMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: CrashableFlowMain <flow class> <ledger directory> <owner id> <run id>");
            System.exit(2);
        }
        CrashableFlow flow = Class.forName(args[0]).asSubclass(CrashableFlow.class).getConstructor().newInstance();
        RunContext run = new RunContext(args[2], args[3]);
        Checkpoints checkpoints = new Checkpoints(System.out);
        try (DockerClient docker = DockerClients.connect(TestEnvironment.current().dockerEndpoint())) {
            ResourceLedger ledger = ResourceLedger.open(Path.of(args[1]), run);
            checkpoints.reached(STARTED);
            flow.run(new EngineContext(docker, run, ledger), checkpoints);
            checkpoints.reached(FINISHED);
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
