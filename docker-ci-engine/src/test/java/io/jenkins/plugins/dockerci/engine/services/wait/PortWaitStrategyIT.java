package io.jenkins.plugins.dockerci.engine.services.wait;

class PortWaitStrategyIT extends AbstractWaitStrategyIT {

    @Override
    WaitStrategy strategy() {
        return Wait.forPort(8080);
    }

    @Override
    String readyAfterASecond() {
        return "sleep 1; exec nc -ll -p 8080 -e echo ok";
    }
}
