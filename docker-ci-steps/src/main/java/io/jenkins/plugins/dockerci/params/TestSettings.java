package io.jenkins.plugins.dockerci.params;

import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.agent.Jep200;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.registry.PullPolicy;
import io.jenkins.plugins.dockerci.engine.testrun.TestRequest;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code dockerTest} as resolved on the controller; {@link #toRequest(Path)} makes the engine's request on the
 * node. Environment values may use service templates ({@code ${db.host}}, {@code ${db.port.5432}},
 * {@code ${db.env.VAR}}): the build's variables are expanded first, the templates are left to the engine.
 * {@link #builder(String)} validates with the engine's checks.
 *
 * @param image           the image to test
 * @param command         the test command, or {@code null} for the image's CMD
 * @param entrypoint      the entrypoint override, or {@code null} for the image's
 * @param env             the test container's environment (templates included)
 * @param workdir         the working directory, or {@code null}
 * @param user            the user, or {@code null}
 * @param services        the service containers
 * @param reports         container paths copied out after the run
 * @param reportsDir      the workspace directory they are copied into
 * @param timeoutMillis   the limit for the test command
 * @param stopGraceMillis SIGTERM-to-SIGKILL grace
 * @param legacyLinks     also set {@code --link}-style variables
 * @param keepOnFailure   leave the containers when the tests fail
 * @param pull            when the test image is pulled from its registry
 */
public record TestSettings(String image, CommandSpec command, List<String> entrypoint, Map<String, String> env,
                           String workdir, String user, List<ServiceSettings> services, List<String> reports,
                           String reportsDir, long timeoutMillis, long stopGraceMillis, boolean legacyLinks,
                           boolean keepOnFailure, PullPolicy pull) implements Serializable {

    /** The default of {@code reportsDir}. */
    public static final String DEFAULT_REPORTS_DIR = "docker-ci-reports";

    public TestSettings {
        image = FormText.blankToNull(image);
        if (image == null) {
            throw new InvalidRequestException(Messages.TestSettings_noImage());
        }
        entrypoint = entrypoint == null ? null : Jep200.list(entrypoint);
        env = Jep200.map(env == null ? Map.of() : env);
        workdir = FormText.blankToNull(workdir);
        user = FormText.blankToNull(user);
        services = Jep200.list(services == null ? List.of() : services);
        reports = Jep200.list(reports == null ? List.of() : reports);
        reportsDir = reportsDir == null || reportsDir.isBlank() ? DEFAULT_REPORTS_DIR : reportsDir.trim();
        pull = pull == null ? PullPolicy.MISSING : pull;
        if (Path.of(reportsDir).isAbsolute()) {
            throw new InvalidRequestException(Messages.ParameterChecks_absolutePath("dockerTest.reportsDir", reportsDir));
        }
    }

    /** A builder with the defaults of the vocabulary. */
    public static Builder builder(String image) {
        return new Builder(image);
    }

    /**
     * The engine's request, on the node.
     *
     * @throws InvalidRequestException if the reports directory lies outside the workspace
     */
    public TestRequest toRequest(Path workspace) {
        Path root = workspace.toAbsolutePath().normalize();
        Path reportsHostDir = root.resolve(reportsDir).normalize();
        if (!reportsHostDir.startsWith(root)) {
            throw new InvalidRequestException(Messages.TestSettings_outsideWorkspace("dockerTest.reportsDir", reportsDir));
        }
        TestRequest.Builder request = TestRequest.builder(image)
                .pull(pull)
                .entrypoint(entrypoint)
                .workdir(workdir)
                .user(user)
                .legacyLinks(legacyLinks)
                .keepOnFailure(keepOnFailure)
                .timeout(Duration.ofMillis(timeoutMillis))
                .stopGracePeriod(Duration.ofMillis(stopGraceMillis));
        if (command != null) {
            request.command(command.toCommand());
        }
        env.forEach(request::env);
        services.forEach(service -> request.service(service.toSpec()));
        if (!reports.isEmpty()) {
            request.reports(reportsHostDir, reports.toArray(String[]::new));
        }
        return request.build();
    }

    /** Collects the parameters of a {@link TestSettings}. */
    public static final class Builder {
        private final String image;
        private CommandSpec command;
        private List<String> entrypoint;
        private final Map<String, String> env = new LinkedHashMap<>();
        private String workdir;
        private String user;
        private final List<ServiceSettings> services = new ArrayList<>();
        private final List<String> reports = new ArrayList<>();
        private String reportsDir = DEFAULT_REPORTS_DIR;
        private Duration timeout = TestRequest.DEFAULT_TIMEOUT;
        private Duration stopGracePeriod = TestRequest.DEFAULT_STOP_GRACE_PERIOD;
        private boolean legacyLinks;
        private boolean keepOnFailure;
        private PullPolicy pull = PullPolicy.MISSING;

        private Builder(String image) {
            this.image = image;
        }

        public Builder command(CommandSpec cmd) {
            this.command = cmd;
            return this;
        }

        public Builder entrypoint(List<String> argv) {
            this.entrypoint = argv == null || argv.isEmpty() ? null : argv;
            return this;
        }

        public Builder env(Map<String, String> vars) {
            env.putAll(vars);
            return this;
        }

        public Builder workdir(String dir) {
            this.workdir = dir;
            return this;
        }

        public Builder user(String name) {
            this.user = name;
            return this;
        }

        public Builder services(List<ServiceSettings> more) {
            services.addAll(more);
            return this;
        }

        public Builder reports(List<String> containerPaths) {
            reports.addAll(containerPaths);
            return this;
        }

        public Builder reportsDir(String directory) {
            this.reportsDir = directory;
            return this;
        }

        public Builder timeout(Duration limit) {
            this.timeout = limit == null ? TestRequest.DEFAULT_TIMEOUT : limit;
            return this;
        }

        public Builder stopGracePeriod(Duration grace) {
            this.stopGracePeriod = grace == null ? TestRequest.DEFAULT_STOP_GRACE_PERIOD : grace;
            return this;
        }

        public Builder legacyLinks(boolean on) {
            this.legacyLinks = on;
            return this;
        }

        public Builder pull(PullPolicy policy) {
            this.pull = policy;
            return this;
        }

        public Builder keepOnFailure(boolean keep) {
            this.keepOnFailure = keep;
            return this;
        }

        /** @throws InvalidRequestException saying which parameter is wrong */
        public TestSettings build() {
            TestSettings settings = new TestSettings(image, command, entrypoint, env, workdir, user, services, reports,
                    reportsDir, timeout.toMillis(), stopGracePeriod.toMillis(), legacyLinks, keepOnFailure, pull);
            settings.toRequest(Path.of("workspace"));
            return settings;
        }
    }
}
