package io.jenkins.plugins.dockerci.engine.cleanup.faults;

import io.jenkins.plugins.dockerci.engine.build.BuildRequest;
import io.jenkins.plugins.dockerci.engine.services.ContainerCommand;
import io.jenkins.plugins.dockerci.engine.services.ServiceSpec;
import io.jenkins.plugins.dockerci.engine.services.wait.Wait;
import io.jenkins.plugins.dockerci.engine.testrun.TestRequest;
import io.jenkins.plugins.dockerci.engine.testsupport.TestImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The small application the fault tests build, test with three services and push: a busybox image with a RUN step
 * (so its build has an intermediate container) and a {@code VOLUME} (so every container of it has an anonymous
 * volume that cleanup must remove with it).
 */
public final class SampleApp {

    /** Generous: the machine running the tests may be loaded. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private SampleApp() {
    }

    /**
     * Writes the build context into {@code dir}; with {@code failingRunStep} its RUN step exits with 3. The RUN step
     * carries {@code marker} (a run id, a unique name), so that the images of a build cut off half-way can be told
     * apart ({@link io.jenkins.plugins.dockerci.engine.testsupport.MarkedBuildSteps}).
     */
    public static Path writeContext(Path dir, boolean failingRunStep, String marker) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("Dockerfile"), "FROM " + TestImages.BUSYBOX + "\n"
                    + "RUN echo built " + marker + " > /built.txt" + (failingRunStep ? " && exit 3" : "") + "\n"
                    + "COPY hello.txt /var/www/index.html\n"
                    + "VOLUME /data\n"
                    + "CMD [\"cat\", \"/var/www/index.html\"]\n");
            Files.writeString(dir.resolve("hello.txt"), "hello from the sample app\n");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A build of {@code context} tagged {@code tag}, without the cache so that the RUN step really runs. */
    public static BuildRequest build(Path context, String tag) {
        return BuildRequest.builder(context).tag(tag).noCache(true).timeout(Duration.ofMinutes(3)).build();
    }

    /**
     * Three services: {@code db} (busybox, ready on its port only after two seconds), {@code cache} (the app image
     * serving HTTP, with the image's anonymous volume) and {@code queue} (ready on a log line, started once
     * {@code db} is ready).
     */
    public static List<ServiceSpec> services(String appImage) {
        return List.of(
                ServiceSpec.builder("db", TestImages.BUSYBOX).expose(5432).startupTimeout(STARTUP_TIMEOUT)
                        .command(ContainerCommand.shell("sleep 2; exec nc -ll -p 5432 -e echo ok")).build(),
                ServiceSpec.builder("cache", appImage).expose(8080).startupTimeout(STARTUP_TIMEOUT)
                        .waitingFor(Wait.forHttp(8080, "/"))
                        .command(ContainerCommand.exec("httpd", "-f", "-p", "8080", "-h", "/var/www")).build(),
                ServiceSpec.builder("queue", TestImages.BUSYBOX).dependsOn("db").startupTimeout(STARTUP_TIMEOUT)
                        .waitingFor(Wait.forLogMessage("queue ready"))
                        .command(ContainerCommand.shell("echo queue ready; exec sleep 600")).build());
    }

    /** Tests in {@code appImage} that reach every service, take a second more, then exit with {@code exitCode} (1 if a service was unreachable). */
    public static TestRequest test(String appImage, List<ServiceSpec> services, int exitCode) {
        TestRequest.Builder request = TestRequest.builder(appImage)
                .command(ContainerCommand.shell("nc db 5432 </dev/null | grep -q ok && wget -qO- http://cache:8080/"
                        + " && sleep 1 && exit " + exitCode))
                .timeout(Duration.ofMinutes(3)).stopGracePeriod(Duration.ofSeconds(2));
        services.forEach(request::service);
        return request.build();
    }
}
