package io.jenkins.plugins.dockerci.engine.cleanup.crash;

import java.util.Set;

/** The kill matrix for the real engine flow: image build, then tests with three services. */
class FullFlowKilledRunIT extends KilledRunContract {

    @Override
    protected Class<? extends CrashableFlow> flow() {
        return BuildServicesTestFlow.class;
    }

    @Override
    protected int resourcesOfAFinishedRun() {
        return BuildServicesTestFlow.RESOURCES;
    }

    // the build comes first: a run killed during it may have nothing the engine finished creating yet
    @Override
    protected Set<String> checkpointsBeforeAnyResource() {
        return Set.of(CrashableFlowMain.STARTED, "build");
    }
}
