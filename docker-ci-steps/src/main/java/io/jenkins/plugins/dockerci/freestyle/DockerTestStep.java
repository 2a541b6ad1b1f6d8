package io.jenkins.plugins.dockerci.freestyle;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import io.jenkins.plugins.dockerci.action.BuildSummaryAction;
import io.jenkins.plugins.dockerci.action.TestRecord;
import io.jenkins.plugins.dockerci.agent.AgentFailure;
import io.jenkins.plugins.dockerci.config.FormPermissions;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.DurationText;
import io.jenkins.plugins.dockerci.log.TaskListenerLogSink;
import io.jenkins.plugins.dockerci.params.CommandSpec;
import io.jenkins.plugins.dockerci.params.DockerCiAction;
import io.jenkins.plugins.dockerci.params.EngineTarget;
import io.jenkins.plugins.dockerci.params.FormText;
import io.jenkins.plugins.dockerci.params.ParameterChecks;
import io.jenkins.plugins.dockerci.params.ServiceParameters;
import io.jenkins.plugins.dockerci.params.ServiceSettings;
import io.jenkins.plugins.dockerci.params.StepFailures;
import io.jenkins.plugins.dockerci.params.StepServices;
import io.jenkins.plugins.dockerci.params.TestSettings;
import io.jenkins.plugins.dockerci.params.TestSummary;
import io.jenkins.plugins.dockerci.params.TestTask;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Runs the tests in a container of an image (by default the one this build built), with service containers it can
 * reach by name ({@code dockerTest}). A non-zero exit fails the build, or makes it unstable if so chosen; reports
 * are copied into the workspace either way.
 */
public class DockerTestStep extends Builder implements SimpleBuildStep {

    private String image;
    private String command;
    private String entrypoint;
    private String env;
    private String workdir;
    private String user;
    // a plain ArrayList: it is written to the job's config.xml
    private ArrayList<ServiceParameters> services = new ArrayList<>();
    private String reports;
    private String reportsDir;
    private String timeout;
    private String stopGracePeriod;
    private boolean legacyLinks;
    private boolean keepOnFailure;
    private boolean unstableOnFailure;

    @DataBoundConstructor
    public DockerTestStep() {
        // every parameter is optional: the defaults run the built image's CMD
    }

    public String getImage() {
        return image;
    }

    @DataBoundSetter
    public void setImage(String image) {
        this.image = FormText.blankToNull(image);
    }

    public String getCommand() {
        return command;
    }

    /** A shell command ({@code /bin/sh -c}); blank for the image's CMD. */
    @DataBoundSetter
    public void setCommand(String command) {
        this.command = FormText.blankToNull(command);
    }

    public String getEntrypoint() {
        return entrypoint;
    }

    /** The entrypoint's words, one per line. */
    @DataBoundSetter
    public void setEntrypoint(String entrypoint) {
        this.entrypoint = FormText.blankToNull(entrypoint);
    }

    public String getEnv() {
        return env;
    }

    /** {@code NAME=value} lines; values may use service templates. */
    @DataBoundSetter
    public void setEnv(String env) {
        this.env = FormText.blankToNull(env);
    }

    public String getWorkdir() {
        return workdir;
    }

    @DataBoundSetter
    public void setWorkdir(String workdir) {
        this.workdir = FormText.blankToNull(workdir);
    }

    public String getUser() {
        return user;
    }

    @DataBoundSetter
    public void setUser(String user) {
        this.user = FormText.blankToNull(user);
    }

    public List<ServiceParameters> getServices() {
        return Collections.unmodifiableList(services);
    }

    @DataBoundSetter
    public void setServices(List<ServiceParameters> services) {
        this.services = services == null ? new ArrayList<>() : new ArrayList<>(services);
    }

    public String getReports() {
        return reports;
    }

    /** Container paths, one per line. */
    @DataBoundSetter
    public void setReports(String reports) {
        this.reports = FormText.blankToNull(reports);
    }

    public String getReportsDir() {
        return reportsDir;
    }

    @DataBoundSetter
    public void setReportsDir(String reportsDir) {
        this.reportsDir = FormText.blankToNull(reportsDir);
    }

    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = FormText.blankToNull(timeout);
    }

    public String getStopGracePeriod() {
        return stopGracePeriod;
    }

    @DataBoundSetter
    public void setStopGracePeriod(String stopGracePeriod) {
        this.stopGracePeriod = FormText.blankToNull(stopGracePeriod);
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

    public boolean isUnstableOnFailure() {
        return unstableOnFailure;
    }

    @DataBoundSetter
    public void setUnstableOnFailure(boolean unstableOnFailure) {
        this.unstableOnFailure = unstableOnFailure;
    }

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        perform(run, workspace, env, listener, StepServices.jenkins());
    }

    /** Runs the step with the given services (Jenkins' own in {@link #perform(Run, FilePath, EnvVars, Launcher, TaskListener)}). */
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars environment, TaskListener listener, StepServices stepServices)
            throws InterruptedException, IOException {
        TestSummary summary;
        try {
            TestSettings settings = settings(environment, DockerCiAction.builtImage(run));
            EngineTarget engine = stepServices.target(run, environment);
            long started = System.nanoTime();
            try {
                summary = stepServices.inWorkspace(run, workspace, listener, engine, List.of(), new TestTask(engine, settings));
            } catch (InterruptedException e) {
                BuildSummaryAction.of(run).add(TestRecord.interrupted(settings.image(), Duration.ofNanos(System.nanoTime() - started)));
                throw e;
            }
            BuildSummaryAction.of(run).add(TestRecord.of(settings, summary));
        } catch (DockerCiException e) {
            throw StepFailures.abort(e);
        } catch (AgentFailure e) {
            throw StepFailures.fromAgent(e);
        }
        summary.problems().forEach(problem ->
                listener.getLogger().println(TaskListenerLogSink.PREFIX + TaskListenerLogSink.WARNING + problem));
        if (summary.passed()) {
            return;
        }
        String failure = summary.timedOut()
                ? "dockerTest: the tests did not finish within their timeout (" + DurationText.format(summary.duration()) + ")"
                : "dockerTest: the tests failed with exit code " + summary.exitCode();
        if (unstableOnFailure && !summary.timedOut()) {
            listener.getLogger().println(TaskListenerLogSink.PREFIX + failure + "; the build is UNSTABLE");
            run.setResult(Result.UNSTABLE);
            return;
        }
        throw new AbortException(failure);
    }

    /** The settings of this step in a build with environment {@code environment} that built {@code builtImage}. */
    TestSettings settings(EnvVars environment, String builtImage) {
        List<ServiceSettings> resolved = new ArrayList<>();
        services.forEach(service -> resolved.add(service.toSettings(environment)));
        return TestSettings.builder(image != null ? environment.expand(image) : builtImage)
                .command(CommandSpec.shell(environment.expand(command)))
                .entrypoint(FormText.list(environment.expand(entrypoint)))
                .env(FormText.assignments(environment.expand(env), "dockerTest.env"))
                .workdir(environment.expand(workdir))
                .user(environment.expand(user))
                .services(resolved)
                .reports(FormText.list(environment.expand(reports)))
                .reportsDir(environment.expand(reportsDir))
                .timeout(ParameterChecks.parseDuration(environment.expand(timeout), "dockerTest.timeout", null))
                .stopGracePeriod(ParameterChecks.parseDuration(environment.expand(stopGracePeriod),
                        "dockerTest.stopGracePeriod", null))
                .legacyLinks(legacyLinks)
                .keepOnFailure(keepOnFailure)
                .build();
    }

    /** The {@code dockerTest} step: applicable to every job type. */
    @Extension
    @Symbol("dockerTest")
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return "Test in a Docker container";
        }

        @POST
        public FormValidation doCheckImage(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> ParameterChecks.image(value));
        }

        @POST
        public FormValidation doCheckEnv(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> ParameterChecks.environment(value, "dockerTest.env"));
        }

        @POST
        public FormValidation doCheckTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> ParameterChecks.duration(value, "dockerTest.timeout"));
        }

        @POST
        public FormValidation doCheckStopGracePeriod(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> ParameterChecks.duration(value, "dockerTest.stopGracePeriod"));
        }
    }
}
