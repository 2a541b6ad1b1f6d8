package io.jenkins.plugins.dockerci.engine.services.wait;

class HttpWaitStrategyIT extends AbstractWaitStrategyIT {

    @Override
    WaitStrategy strategy() {
        return Wait.forHttp(8080, "/index.html");
    }

    @Override
    String readyAfterASecond() {
        return "sleep 1; exec httpd -f -p 8080 -h /var/www";
    }

    @Override
    String neverReady() {
        // the server answers, but with 404: not what the strategy waits for
        return "mkdir -p /tmp/empty; exec httpd -f -p 8080 -h /tmp/empty";
    }
}
