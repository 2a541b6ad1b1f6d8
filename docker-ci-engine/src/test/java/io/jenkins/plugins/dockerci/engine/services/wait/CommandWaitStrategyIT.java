package io.jenkins.plugins.dockerci.engine.services.wait;

class CommandWaitStrategyIT extends AbstractWaitStrategyIT {

    @Override
    WaitStrategy strategy() {
        return Wait.forCommand("test", "-f", "/tmp/ready");
    }

    @Override
    String readyAfterASecond() {
        return "sleep 1; touch /tmp/ready; sleep 600";
    }
}
