package io.jenkins.plugins.dockerci.engine.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import io.jenkins.plugins.dockerci.engine.testsupport.DockerExtension;
import io.jenkins.plugins.dockerci.engine.testsupport.TestEnvironment;
import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ServiceImagePullIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    private final EngineContext ctx = new EngineContext(DOCKER.client(), DOCKER.newRun(), ResourceTracker.NONE);

    @Test
    void aServiceImageMissingOnTheHostIsPulledFromItsRegistry() throws Exception {
        String repository = TestEnvironment.current().anonymousRegistry() + "/" + DOCKER.uniqueName("svc-pull");
        String image = repository + ":1";
        DOCKER.client().tagImageCmd(TestImages.BUSYBOX, repository, "1").exec();
        try {
            assertThat(DOCKER.client().pushImageCmd(repository).withTag("1").start().awaitCompletion(60, TimeUnit.SECONDS)).isTrue();
            DOCKER.client().removeImageCmd(image).exec();
            List<String> log = new CopyOnWriteArrayList<>();
            ServiceSpec spec = ServiceSpec.builder("pulled", image).command(ContainerCommand.shell("sleep 600")).build();
            try (ServiceSet set = ServiceSet.start(ctx, List.of(spec), (kind, text) -> log.add(text))) {
                assertThat(set.services()).containsKey("pulled");
            }
            assertThat(log).contains("Pulling " + image + " for service 'pulled' from registry " + TestEnvironment.current().anonymousRegistry()
                    + " anonymously (no credentials configured for " + TestEnvironment.current().anonymousRegistry() + ")");
        } finally {
            DOCKER.client().removeImageCmd(image).exec();
        }
    }

    @Test
    void anImageThatCannotBePulledIsExplained() {
        String image = TestEnvironment.current().anonymousRegistry() + "/" + DOCKER.uniqueName("nowhere") + ":1";
        ServiceSpec spec = ServiceSpec.builder("ghost", image).build();
        assertThatThrownBy(() -> ServiceSet.start(ctx, List.of(spec), LogSink.NONE)).isInstanceOf(ServiceStartException.class)
                .hasMessageContaining("Service 'ghost' cannot start: Image " + image + " in registry "
                        + TestEnvironment.current().anonymousRegistry() + " (needed for service 'ghost'): there is no such image");
    }
}
