package io.jenkins.plugins.dockerci.engine.testrun;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.registry.PullPolicy;
import io.jenkins.plugins.dockerci.engine.services.ContainerCommand;
import io.jenkins.plugins.dockerci.engine.services.EnvTemplates;
import io.jenkins.plugins.dockerci.engine.services.ServiceGraph;
import io.jenkins.plugins.dockerci.engine.services.ServiceSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Run a test command in a container of {@code image}, with service containers next to it. Build one with
 * {@link #builder(String)}; an inconsistent request is rejected there, before anything starts.
 *
 * @param image           the image to test (typically the one just built)
 * @param pull            when the image is pulled from its registry, with the run's credentials for it (an image id,
 *                        such as the build step's result, is never pulled)
 * @param command         the test command; {@code null} for the image's CMD
 * @param env             environment of the test container; values may use service templates such as
 *                        {@code DATABASE_URL=postgresql://${db.host}:${db.port.5432}/test} ({@code $${} for a literal {@code ${})
 * @param workdir         working directory, or {@code null} for the image's
 * @param user            user (name, uid or uid:gid), or {@code null} for the image's
 * @param entrypoint      entrypoint override, or {@code null} for the image's; an empty list clears it
 * @param services        the service containers, on a network shared with the test container
 * @param legacyLinks     also set the variables Docker's {@code --link} used to inject ({@code DB_PORT_5432_TCP_ADDR}, ...)
 * @param reportPaths     absolute container paths copied out after the command ended (pass or fail)
 * @param reportsDir      host directory the report paths are copied into; required when there are report paths
 * @param timeout         how long the test command may run
 * @param stopGracePeriod on timeout or interrupt: how long the command gets after SIGTERM before it is killed
 * @param keepOnFailure   keep the containers and network when the run did not pass, for debugging (they remain
 *                        labelled, so the reaper removes them later)
 */
public record TestRequest(String image, PullPolicy pull, ContainerCommand command, Map<String, String> env, String workdir,
                          String user, List<String> entrypoint, List<ServiceSpec> services,
                          boolean legacyLinks, List<String> reportPaths, Path reportsDir, Duration timeout,
                          Duration stopGracePeriod, boolean keepOnFailure) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);
    public static final Duration DEFAULT_STOP_GRACE_PERIOD = Duration.ofSeconds(10);

    public TestRequest {
        if (image == null || image.isBlank()) {
            throw new InvalidRequestException("The test run needs an image to run the tests in.");
        }
        Objects.requireNonNull(pull, "pull");
        env = Map.copyOf(env);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        services = List.copyOf(services);
        reportPaths = List.copyOf(reportPaths);
        for (String path : reportPaths) {
            if (!path.startsWith("/")) {
                throw new InvalidRequestException("Report path '" + path + "' must be an absolute path inside the test container.");
            }
        }
        if (!reportPaths.isEmpty() && reportsDir == null) {
            throw new InvalidRequestException("Report paths " + reportPaths + " are set but no host directory to copy them into.");
        }
        requirePositive(timeout, "timeout");
        Objects.requireNonNull(stopGracePeriod, "stopGracePeriod");
        if (stopGracePeriod.isNegative()) {
            throw new InvalidRequestException("The stop grace period must not be negative, was " + stopGracePeriod + ".");
        }
        ServiceGraph.validate(services);
        EnvTemplates.parse(env).validateAgainst(services);
    }

    private static void requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new InvalidRequestException("The " + what + " must be positive, was " + d + ".");
        }
    }

    /** The same request for another image (the image is often known only once the build ran). */
    public TestRequest withImage(String otherImage) {
        return new TestRequest(otherImage, pull, command, env, workdir, user, entrypoint, services, legacyLinks,
                reportPaths, reportsDir, timeout, stopGracePeriod, keepOnFailure);
    }

    /** The same request, keeping (or not) the containers of a failed run. */
    public TestRequest withKeepOnFailure(boolean keep) {
        return new TestRequest(image, pull, command, env, workdir, user, entrypoint, services, legacyLinks,
                reportPaths, reportsDir, timeout, stopGracePeriod, keep);
    }

    /** Starts a request for tests in {@code image}. */
    public static Builder builder(String image) {
        return new Builder(image);
    }

    @Override
    public String toString() {
        // env values may hold secrets: names only
        return "TestRequest[image=" + image + ", pull=" + pull.parameterValue() + ", command=" + command + ", env=" + env.keySet()
                + ", workdir=" + workdir + ", user=" + user + ", entrypoint=" + entrypoint + ", services=" + services
                + ", legacyLinks=" + legacyLinks + ", reportPaths=" + reportPaths + ", reportsDir=" + reportsDir + ", timeout=" + timeout
                + ", stopGracePeriod=" + stopGracePeriod + ", keepOnFailure=" + keepOnFailure + "]";
    }

    /** Collects the optional parts of a {@link TestRequest}. */
    public static final class Builder {
        private final String image;
        private PullPolicy pull = PullPolicy.MISSING;
        private ContainerCommand command;
        private final Map<String, String> env = new LinkedHashMap<>();
        private String workdir;
        private String user;
        private List<String> entrypoint;
        private final List<ServiceSpec> services = new ArrayList<>();
        private boolean legacyLinks;
        private final List<String> reportPaths = new ArrayList<>();
        private Path reportsDir;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration stopGracePeriod = DEFAULT_STOP_GRACE_PERIOD;
        private boolean keepOnFailure;

        private Builder(String image) {
            this.image = image;
        }

        /** When the test image is pulled; default {@link PullPolicy#MISSING}. */
        public Builder pull(PullPolicy policy) {
            this.pull = policy;
            return this;
        }

        public Builder command(ContainerCommand cmd) {
            this.command = cmd;
            return this;
        }

        /** A variable; {@code value} may refer to services: {@code ${db.host}}, {@code ${db.port.5432}}, {@code ${db.env.VAR}}. */
        public Builder env(String key, String value) {
            env.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value of " + key));
            return this;
        }

        public Builder workdir(String dir) {
            this.workdir = dir;
            return this;
        }

        public Builder user(String u) {
            this.user = u;
            return this;
        }

        public Builder entrypoint(List<String> argv) {
            this.entrypoint = argv;
            return this;
        }

        public Builder service(ServiceSpec spec) {
            services.add(spec);
            return this;
        }

        public Builder legacyLinks(boolean on) {
            this.legacyLinks = on;
            return this;
        }

        public Builder reports(Path hostDir, String... containerPaths) {
            this.reportsDir = hostDir;
            reportPaths.addAll(List.of(containerPaths));
            return this;
        }

        public Builder timeout(Duration t) {
            this.timeout = t;
            return this;
        }

        public Builder stopGracePeriod(Duration grace) {
            this.stopGracePeriod = grace;
            return this;
        }

        public Builder keepOnFailure(boolean keep) {
            this.keepOnFailure = keep;
            return this;
        }

        public TestRequest build() {
            return new TestRequest(image, pull, command, env, workdir, user, entrypoint, services, legacyLinks,
                    reportPaths, reportsDir, timeout, stopGracePeriod, keepOnFailure);
        }
    }
}
