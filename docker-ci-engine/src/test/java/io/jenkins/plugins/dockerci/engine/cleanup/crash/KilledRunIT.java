package io.jenkins.plugins.dockerci.engine.cleanup.crash;

/** The kill matrix for the stand-in flow: network, two services, a build and a test container. */
class KilledRunIT extends KilledRunContract {

    @Override
    protected Class<? extends CrashableFlow> flow() {
        return LabelledResourcesFlow.class;
    }

    @Override
    protected int resourcesOfAFinishedRun() {
        return 5;
    }
}
