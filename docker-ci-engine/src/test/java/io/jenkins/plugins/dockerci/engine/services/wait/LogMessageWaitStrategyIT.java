package io.jenkins.plugins.dockerci.engine.services.wait;

class LogMessageWaitStrategyIT extends AbstractWaitStrategyIT {

    @Override
    WaitStrategy strategy() {
        return Wait.forLogMessage("ready to (serve|accept)").withTimes(2);
    }

    @Override
    String readyAfterASecond() {
        // the second match comes on stderr, split across two writes: counting spans both streams and frames
        return "echo 'ready to serve'; sleep 1; printf 'now ready to ' >&2; sleep 0.2; echo 'accept' >&2; sleep 600";
    }

    @Override
    String neverReady() {
        return "echo 'ready to serve'; echo 'not ready to go'; sleep 600";
    }
}
