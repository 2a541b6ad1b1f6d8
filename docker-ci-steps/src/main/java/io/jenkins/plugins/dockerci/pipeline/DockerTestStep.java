package io.jenkins.plugins.dockerci.pipeline;

import hudson.AbortException;
import hudson.Extension;
import hudson.model.Run;
import io.jenkins.plugins.dockerci.action.ImageRecord;
import io.jenkins.plugins.dockerci.action.ServiceRecord;
import io.jenkins.plugins.dockerci.action.TestRecord;
import io.jenkins.plugins.dockerci.engine.DurationText;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.testrun.TestRequest;
import io.jenkins.plugins.dockerci.params.ParameterChecks;
import io.jenkins.plugins.dockerci.params.ServiceSettings;
import io.jenkins.plugins.dockerci.params.StepServices;
import io.jenkins.plugins.dockerci.params.TestSettings;
import io.jenkins.plugins.dockerci.params.TestSummary;
import io.jenkins.plugins.dockerci.params.TestTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code dockerTest(command: 'make test', services: [[image: 'postgres:15', alias: 'db']], env: [DATABASE_URL:
 * 'postgresql://postgres@${db.host}:${db.port.5432}/postgres'])}: runs the tests in a container of the image (by
 * default the one this build built last) with service containers next to it on a network of their own. A non-zero
 * exit fails the step unless {@code returnStatus: true}, in which case the step returns the exit code.
 */
public final class DockerTestStep extends Step {

    static final String FUNCTION = "dockerTest";

    private String image;
    private Object command;
    private List<String> entrypoint = new ArrayList<>();
    private Map<String, String> env = new TreeMap<>();
    private String workdir;
    private String user;
    private List<Map<String, Object>> services = new ArrayList<>();
    private List<String> reports = new ArrayList<>();
    private String reportsDir = TestSettings.DEFAULT_REPORTS_DIR;
    private String timeout = "30m";
    private String stopGracePeriod;
    private boolean legacyLinks;
    private boolean keepOnFailure;
    private boolean returnStatus;

    @DataBoundConstructor
    public DockerTestStep() {
    }

    public String getImage() {
        return image;
    }

    @DataBoundSetter
    public void setImage(String image) {
        this.image = StepValues.orNull(image);
    }

    /** A string (run under {@code /bin/sh -c}) or a list (the exec form); {@code null} for the image's CMD. */
    public Object getCommand() {
        return command;
    }

    @DataBoundSetter
    public void setCommand(Object command) {
        this.command = command instanceof String text ? StepValues.orNull(text) : command;
    }

    public List<String> getEntrypoint() {
        return entrypoint;
    }

    @DataBoundSetter
    public void setEntrypoint(Object entrypoint) {
        this.entrypoint = StepValues.list(entrypoint);
    }

    public Map<String, String> getEnv() {
        return env;
    }

    @DataBoundSetter
    public void setEnv(Object env) {
        this.env = StepValues.map(env, FUNCTION + ".env");
    }

    public String getWorkdir() {
        return workdir;
    }

    @DataBoundSetter
    public void setWorkdir(String workdir) {
        this.workdir = StepValues.orNull(workdir);
    }

    public String getUser() {
        return user;
    }

    @DataBoundSetter
    public void setUser(String user) {
        this.user = StepValues.orNull(user);
    }

    public List<Map<String, Object>> getServices() {
        return services;
    }

    @DataBoundSetter
    public void setServices(List<Map<String, Object>> services) {
        this.services = services == null ? new ArrayList<>() : new ArrayList<>(services);
    }

    public List<String> getReports() {
        return reports;
    }

    @DataBoundSetter
    public void setReports(Object reports) {
        this.reports = StepValues.list(reports);
    }

    public String getReportsDir() {
        return reportsDir;
    }

    @DataBoundSetter
    public void setReportsDir(String reportsDir) {
        this.reportsDir = StepValues.orDefault(reportsDir, TestSettings.DEFAULT_REPORTS_DIR);
    }

    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = StepValues.orDefault(timeout, "30m");
    }

    /** The step's grace period, or {@code null} for the global setting. */
    public String getStopGracePeriod() {
        return stopGracePeriod;
    }

    @DataBoundSetter
    public void setStopGracePeriod(String stopGracePeriod) {
        this.stopGracePeriod = StepValues.orNull(stopGracePeriod);
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

    public boolean isReturnStatus() {
        return returnStatus;
    }

    @DataBoundSetter
    public void setReturnStatus(boolean returnStatus) {
        this.returnStatus = returnStatus;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, this, StepServices.jenkins(), DockerNodes.get());
    }

    /**
     * What to run: the image defaults to the one the build built last, the grace period to the global setting.
     *
     * @param builtImages the images the build built, in order
     * @param defaultGrace the global stop grace period
     * @throws AbortException naming the parameter that is wrong; nothing has been started
     */
    TestSettings settings(List<ImageRecord> builtImages, Duration defaultGrace) throws AbortException {
        String testImage = image;
        if (testImage == null) {
            if (builtImages.isEmpty()) {
                throw new AbortException(FUNCTION + ": no 'image' given and this build has not built one yet: call"
                        + " dockerBuild first, or give image: 'name:tag'.");
            }
            testImage = builtImages.get(builtImages.size() - 1).getImageId();
        }
        try {
            List<ServiceSettings> serviceSettings = ServiceMaps.settings(services, FUNCTION);
            return TestSettings.builder(testImage)
                    .command(ServiceMaps.command(command, FUNCTION + ".command"))
                    .entrypoint(entrypoint)
                    .env(env)
                    .workdir(workdir)
                    .user(user)
                    .services(serviceSettings)
                    .reports(reports)
                    .reportsDir(reportsDir)
                    .timeout(ParameterChecks.parseDuration(timeout, FUNCTION + ".timeout", TestRequest.DEFAULT_TIMEOUT))
                    .stopGracePeriod(stopGracePeriod == null ? defaultGrace
                            : DurationText.parse(stopGracePeriod, FUNCTION + ".stopGracePeriod"))
                    .legacyLinks(legacyLinks)
                    .keepOnFailure(keepOnFailure)
                    .build();
        } catch (InvalidRequestException e) {
            String message = e.getMessage();
            throw new AbortException(message.startsWith(FUNCTION) ? message : FUNCTION + ": " + message);
        }
    }

    /**
     * What the step returns for {@code summary}: the exit code with {@code returnStatus}, else nothing; a failed or
     * timed-out run fails the step.
     */
    Integer outcome(TestSummary summary) throws AbortException {
        if (summary.timedOut()) {
            throw new AbortException(FUNCTION + ": the tests did not finish within " + timeout + " and were stopped;"
                    + " raise 'timeout' if they need longer.");
        }
        if (summary.exitCode() == null) {
            throw new AbortException(FUNCTION + ": the test command ended without an exit code.");
        }
        if (returnStatus) {
            return summary.exitCode();
        }
        if (summary.exitCode() != 0) {
            throw new AbortException(FUNCTION + ": the tests failed with exit code " + summary.exitCode()
                    + " (use returnStatus: true to get the code instead of a failed step).");
        }
        return null;
    }

    /** Runs the tests on the agent, records the outcome on the build page and returns or fails as the step says. */
    static final class Execution extends BackgroundStepExecution<Integer> {

        private static final long serialVersionUID = 1L;

        private final transient DockerTestStep step;

        Execution(StepContext context, DockerTestStep step, StepServices services, DockerNodes nodes) {
            super(context, FUNCTION, services, nodes);
            this.step = step;
        }

        @Override
        protected Integer run() throws Exception {
            StepRun run = stepRun();
            TestSettings settings = step.settings(run.summary().getImages(),
                    Duration.ofSeconds(services().configuration().getStopGracePeriodSeconds()));
            long started = System.nanoTime();
            TestSummary summary;
            try {
                summary = run.onAgent(new TestTask(run.target(), settings), List.of());
            } catch (InterruptedException e) {
                run.summary().add(new TestRecord(settings.image(), TestRecord.Ending.INTERRUPTED, null,
                        Duration.ofNanos(System.nanoTime() - started), List.of()));
                throw e;
            }
            summary.problems().forEach(run::warn);
            run.summary().add(record(settings, summary));
            return step.outcome(summary);
        }

        private static TestRecord record(TestSettings settings, TestSummary summary) {
            List<ServiceRecord> serviceRecords = new ArrayList<>();
            for (ServiceSettings service : settings.services()) {
                Long ready = summary.readyMillis().get(service.alias());
                serviceRecords.add(new ServiceRecord(service.alias(), service.image(), Duration.ofMillis(ready == null ? 0 : ready)));
            }
            return new TestRecord(settings.image(), summary.timedOut() ? TestRecord.Ending.TIMED_OUT : TestRecord.Ending.EXITED,
                    summary.exitCode(), summary.duration(), serviceRecords);
        }
    }

    /** {@code dockerTest} in Pipeline and the snippet generator. */
    @Extension
    public static final class DescriptorImpl extends NodeStepDescriptor {

        public DescriptorImpl() {
            super(FUNCTION, "Run tests in a Docker container, with service containers");
        }
    }
}
