package io.jenkins.plugins.dockerci.steps;

import hudson.AbortException;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.action.TestRecord;
import io.jenkins.plugins.dockerci.config.DockerCiConfiguration;
import io.jenkins.plugins.dockerci.config.FormPermissions;
import io.jenkins.plugins.dockerci.config.RegistryEndpoint;
import io.jenkins.plugins.dockerci.engine.DurationText;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.registry.PullPolicy;
import io.jenkins.plugins.dockerci.engine.testrun.TestRequest;
import io.jenkins.plugins.dockerci.params.CommandSpec;
import io.jenkins.plugins.dockerci.params.DockerCiAction;
import io.jenkins.plugins.dockerci.params.ParameterChecks;
import io.jenkins.plugins.dockerci.params.ServiceSettings;
import io.jenkins.plugins.dockerci.params.StepRun;
import io.jenkins.plugins.dockerci.params.TestSettings;
import io.jenkins.plugins.dockerci.params.TestSummary;
import io.jenkins.plugins.dockerci.params.TestTask;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code dockerTest(command: 'make test', services: [[image: 'postgres:16', alias: 'db']], env: [DATABASE_URL:
 * 'postgresql://postgres@${db.host}:${db.port.5432}/postgres'])}: runs the tests in a container of the image (by
 * default the one built earlier in this branch of the build) with service containers next to it on a network of their
 * own. A non-zero exit fails the step, unless {@code returnStatus} (the step returns the code; freestyle sets
 * {@value DockerCiAction#EXIT_CODE_VARIABLE}) or {@code unstableOnFailure} (the build, and in Pipeline the stage,
 * becomes UNSTABLE). The freestyle build step "Test in a Docker container" holds one of these as its parameters.
 */
public final class DockerTestStep extends Step {

    /** The step's function name. */
    public static final String FUNCTION = "dockerTest";

    private String image;
    private String command;
    private List<String> cmd = List.of();
    private List<String> entrypoint = List.of();
    private List<NameValue> env = List.of();
    private String workdir;
    private String user;
    private List<ServiceParameters> services = List.of();
    private List<String> reports = List.of();
    private String reportsDir = TestSettings.DEFAULT_REPORTS_DIR;
    private String timeout;
    private String stopGracePeriod;
    private boolean legacyLinks;
    private boolean keepOnFailure;
    private boolean returnStatus;
    private boolean unstableOnFailure;
    private PullPolicy pull;
    private RegistryEndpoint registry;

    @DataBoundConstructor
    public DockerTestStep() {
        // every parameter is optional: the defaults run the built image's CMD
    }

    /** The image to test, or {@code null} for the one built earlier. */
    public String getImage() {
        return image;
    }

    @DataBoundSetter
    public void setImage(String image) {
        this.image = Texts.blankToNull(image);
    }

    /** The test command as a script for {@code /bin/sh -c}, or {@code null}. */
    public String getCommand() {
        return command;
    }

    @DataBoundSetter
    public void setCommand(String command) {
        this.command = Texts.blankToNull(command);
    }

    /** The test command in exec form (a Jenkinsfile may write it as {@code command: [...]}). */
    public List<String> getCmd() {
        return cmd;
    }

    @DataBoundSetter
    public void setCmd(List<String> cmd) {
        this.cmd = Texts.arguments(cmd);
    }

    /** The entrypoint override, empty for the image's. */
    public List<String> getEntrypoint() {
        return entrypoint;
    }

    @DataBoundSetter
    public void setEntrypoint(List<String> entrypoint) {
        this.entrypoint = Texts.arguments(entrypoint);
    }

    /** The test container's environment; values may use service templates ({@code ${db.host}}). */
    public List<NameValue> getEnv() {
        return env;
    }

    @DataBoundSetter
    public void setEnv(List<NameValue> env) {
        this.env = Texts.copy(env);
    }

    public String getWorkdir() {
        return workdir;
    }

    @DataBoundSetter
    public void setWorkdir(String workdir) {
        this.workdir = Texts.blankToNull(workdir);
    }

    public String getUser() {
        return user;
    }

    @DataBoundSetter
    public void setUser(String user) {
        this.user = Texts.blankToNull(user);
    }

    /** The service containers. */
    public List<ServiceParameters> getServices() {
        return services;
    }

    @DataBoundSetter
    public void setServices(List<ServiceParameters> services) {
        this.services = Texts.copy(services);
    }

    /** Container paths copied out after the run, passed or failed. */
    public List<String> getReports() {
        return reports;
    }

    @DataBoundSetter
    public void setReports(List<String> reports) {
        this.reports = Texts.items(reports);
    }

    /** The workspace directory the reports are copied into. */
    public String getReportsDir() {
        return reportsDir;
    }

    @DataBoundSetter
    public void setReportsDir(String reportsDir) {
        this.reportsDir = Texts.orDefault(reportsDir, TestSettings.DEFAULT_REPORTS_DIR);
    }

    /** The limit for the test command, e.g. {@code 30m}; {@code null} for 30 minutes. */
    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = Texts.blankToNull(timeout);
    }

    /** SIGTERM-to-SIGKILL grace on timeout or abort; {@code null} for the global setting. */
    public String getStopGracePeriod() {
        return stopGracePeriod;
    }

    @DataBoundSetter
    public void setStopGracePeriod(String stopGracePeriod) {
        this.stopGracePeriod = Texts.blankToNull(stopGracePeriod);
    }

    public boolean isLegacyLinks() {
        return legacyLinks;
    }

    @DataBoundSetter
    public void setLegacyLinks(boolean legacyLinks) {
        this.legacyLinks = legacyLinks;
    }

    public boolean isKeepOnFailure() {
        return keepOnFailure;
    }

    @DataBoundSetter
    public void setKeepOnFailure(boolean keepOnFailure) {
        this.keepOnFailure = keepOnFailure;
    }

    /** A failing test command does not fail the step: Pipeline returns the exit code, freestyle sets a variable. */
    public boolean isReturnStatus() {
        return returnStatus;
    }

    @DataBoundSetter
    public void setReturnStatus(boolean returnStatus) {
        this.returnStatus = returnStatus;
    }

    /** A failing test command makes the build (and its Pipeline stage) UNSTABLE instead of failing the step. */
    public boolean isUnstableOnFailure() {
        return unstableOnFailure;
    }

    @DataBoundSetter
    public void setUnstableOnFailure(boolean unstableOnFailure) {
        this.unstableOnFailure = unstableOnFailure;
    }

    /** When the test image is pulled from its registry; {@code null} for {@code missing}. */
    public PullPolicy getPull() {
        return pull;
    }

    @DataBoundSetter
    public void setPull(PullPolicy pull) {
        this.pull = pull;
    }

    /** A registry and credentials for the test and service images, winning over the global list for that registry. */
    public RegistryEndpoint getRegistry() {
        return registry;
    }

    @DataBoundSetter
    public void setRegistry(RegistryEndpoint registry) {
        this.registry = registry;
    }

    /**
     * A job configuration written before a parameter existed (or by hand) leaves it out, and XStream then leaves the
     * field null: such a parameter gets its default.
     */
    private Object readResolve() {
        cmd = Texts.copy(cmd);
        entrypoint = Texts.copy(entrypoint);
        env = Texts.copy(env);
        services = Texts.copy(services);
        reports = Texts.copy(reports);
        return this;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, this);
    }

    /**
     * Runs the tests on the node holding the workspace, records the run on the build page, and decides what a failing
     * command means for the build.
     *
     * @return the test command's exit code
     * @throws AbortException when the tests failed (and neither {@code returnStatus} nor {@code unstableOnFailure} is
     *                        set), timed out, or a parameter is wrong
     */
    public int perform(StepRun run) throws IOException, InterruptedException {
        TestSettings settings = settings(run.withRegistry(registry));
        long started = System.nanoTime();
        TestSummary summary;
        try {
            summary = run.onAgent(new TestTask(run.target(), settings), List.of());
        } catch (InterruptedException e) {
            run.summary().add(TestRecord.interrupted(settings.image(), Duration.ofNanos(System.nanoTime() - started)));
            throw e;
        }
        summary.problems().forEach(run::warn);
        run.summary().add(TestRecord.of(settings, summary));
        return outcome(run, summary);
    }

    private int outcome(StepRun run, TestSummary summary) throws AbortException {
        if (summary.timedOut()) {
            throw new AbortException(Messages.DockerTestStep_timedOut(FUNCTION, DurationText.format(summary.duration())));
        }
        if (summary.exitCode() == null) {
            throw new AbortException(Messages.DockerTestStep_noExitCode(FUNCTION));
        }
        int code = summary.exitCode();
        if (!run.isPipeline()) {
            DockerCiAction.of(run.run()).recordExitCode(code);
        }
        if (code == 0 || returnStatus) {
            return code;
        }
        if (unstableOnFailure) {
            run.markUnstable(Messages.DockerTestStep_unstable(FUNCTION, code));
            return code;
        }
        throw new AbortException(Messages.DockerTestStep_failed(FUNCTION, code));
    }

    /** What to run: the image defaults to the one built earlier, the grace period to the global setting. */
    TestSettings settings(StepRun run) throws AbortException {
        String testImage = image == null ? run.defaultImage() : run.expand(image);
        try {
            List<ServiceSettings> serviceSettings = new ArrayList<>();
            for (int i = 0; i < services.size(); i++) {
                serviceSettings.add(services.get(i).toSettings(run, FUNCTION + ".services[" + i + "]"));
            }
            Duration grace = stopGracePeriod == null
                    ? Duration.ofSeconds(DockerCiConfiguration.get().getStopGracePeriodSeconds())
                    : ParameterChecks.parseDuration(run.expand(stopGracePeriod), FUNCTION + ".stopGracePeriod", null);
            return TestSettings.builder(testImage)
                    .command(cmd.isEmpty() ? CommandSpec.shell(run.expand(command)) : CommandSpec.exec(run.expand(cmd)))
                    .entrypoint(run.expand(entrypoint))
                    .env(ParameterChecks.environment(run, env, FUNCTION + ".env"))
                    .workdir(run.expand(workdir))
                    .user(run.expand(user))
                    .services(serviceSettings)
                    .reports(run.expand(reports))
                    .reportsDir(run.expand(reportsDir))
                    .timeout(ParameterChecks.parseDuration(run.expand(timeout), FUNCTION + ".timeout", TestRequest.DEFAULT_TIMEOUT))
                    .stopGracePeriod(grace)
                    .legacyLinks(legacyLinks)
                    .keepOnFailure(keepOnFailure)
                    .pull(pull)
                    .build();
        } catch (InvalidRequestException e) {
            throw Steps.invalid(FUNCTION, e);
        }
    }

    /** Runs the tests; returns the exit code with {@code returnStatus}, else nothing. */
    static final class Execution extends DockerStepExecution<Integer> {

        private static final long serialVersionUID = 1L;

        private final transient DockerTestStep step;

        Execution(StepContext context, DockerTestStep step) {
            super(context, FUNCTION);
            this.step = step;
        }

        @Override
        protected Integer run() throws Exception {
            int code = step.perform(stepRun());
            return step.returnStatus ? code : null;
        }
    }

    /** {@code dockerTest}: Pipeline, the Snippet Generator and the freestyle build step's form. */
    @Extension
    public static final class DescriptorImpl extends DockerStepDescriptor {

        public DescriptorImpl() {
            super(FUNCTION, ParameterSyntax.none().maps("env").items("reports").argv("entrypoint")
                    .lowerCaseChoices("pull").commandOrCmd());
        }

        @Override
        public String getDisplayName() {
            return Messages.DockerTestStep_displayName();
        }

        @POST
        public ListBoxModel doFillPullItems() {
            return Steps.pullChoices();
        }

        @POST
        public FormValidation doCheckImage(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> ParameterChecks.image(value));
        }

        @POST
        public FormValidation doCheckEnv(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> ParameterChecks.environment(value, FUNCTION + ".env"));
        }

        @POST
        public FormValidation doCheckReportsDir(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> ParameterChecks.relativePath(value, FUNCTION + ".reportsDir"));
        }

        @POST
        public FormValidation doCheckTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> ParameterChecks.duration(value, FUNCTION + ".timeout"));
        }

        @POST
        public FormValidation doCheckStopGracePeriod(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> ParameterChecks.duration(value, FUNCTION + ".stopGracePeriod"));
        }
    }
}
