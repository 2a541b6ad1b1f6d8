package io.jenkins.plugins.dockerci.engine.services.wait;

import com.github.dockerjava.api.model.HealthCheck;
import io.jenkins.plugins.dockerci.engine.services.ServiceSpec;
import java.time.Duration;
import java.util.List;

class HealthcheckWaitStrategyIT extends AbstractWaitStrategyIT {

    @Override
    WaitStrategy strategy() {
        return Wait.forHealthcheck().withPollInterval(Duration.ofMillis(50));
    }

    @Override
    String readyAfterASecond() {
        return "sleep 1; touch /tmp/healthy; sleep 600";
    }

    @Override
    ServiceSpec.Builder customize(ServiceSpec.Builder spec) {
        // busybox has no HEALTHCHECK of its own: add one through the escape hatch
        return spec.createCmdModifier(cmd -> cmd.withHealthcheck(new HealthCheck()
                .withTest(List.of("CMD", "test", "-f", "/tmp/healthy"))
                .withInterval(Duration.ofMillis(200).toNanos())
                .withTimeout(Duration.ofSeconds(2).toNanos())
                .withRetries(1000)));
    }
}
