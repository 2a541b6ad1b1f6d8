package io.jenkins.plugins.dockerci.steps;

import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.config.FormPermissions;
import io.jenkins.plugins.dockerci.params.ParameterChecks;
import io.jenkins.plugins.dockerci.params.ReadinessSettings;
import io.jenkins.plugins.dockerci.params.StepRun;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * How a service tells it is ready ({@code readiness: [port: 5432]}): one of a port that accepts connections, a log
 * line (seen {@code times} times), the image's HEALTHCHECK, or a command that succeeds in the container. Without
 * one, a service is ready when its ports accept connections.
 */
public final class ReadinessParameters extends AbstractDescribableImpl<ReadinessParameters> {

    private Integer port;
    private String log;
    private int times = 1;
    private boolean healthcheck;
    private String command;

    @DataBoundConstructor
    public ReadinessParameters() {
        // every check is optional; at most one may be set
    }

    /** A port that must accept connections, or {@code null}. */
    public Integer getPort() {
        return port;
    }

    @DataBoundSetter
    public void setPort(Integer port) {
        this.port = port;
    }

    /** A regular expression a log line must match, or {@code null}. */
    public String getLog() {
        return log;
    }

    @DataBoundSetter
    public void setLog(String log) {
        this.log = Texts.blankToNull(log);
    }

    /** How many log lines must match {@link #getLog()}. */
    public int getTimes() {
        return times;
    }

    @DataBoundSetter
    public void setTimes(int times) {
        this.times = times;
    }

    /** Wait for the image's HEALTHCHECK to report healthy. */
    public boolean isHealthcheck() {
        return healthcheck;
    }

    @DataBoundSetter
    public void setHealthcheck(boolean healthcheck) {
        this.healthcheck = healthcheck;
    }

    /** A script run in the service container until it exits with 0, or {@code null}. */
    public String getCommand() {
        return command;
    }

    @DataBoundSetter
    public void setCommand(String command) {
        this.command = Texts.blankToNull(command);
    }

    /** The check as the engine takes it, or {@code null} for the engine's default. */
    ReadinessSettings toSettings(StepRun run) {
        return ReadinessSettings.of(port, run.expand(log), times, healthcheck, run.expand(command));
    }

    /** Form support for the readiness block of a service. */
    @Extension
    public static final class DescriptorImpl extends ParameterBlockDescriptor<ReadinessParameters> {

        public DescriptorImpl() {
            super(ParameterSyntax.none());
        }

        @Override
        public String getDisplayName() {
            return Messages.ReadinessParameters_displayName();
        }

        @POST
        public FormValidation doCheckPort(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> ParameterChecks.ports(value, "readiness.port"));
        }

        @POST
        public FormValidation doCheckLog(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> ParameterChecks.pattern(value));
        }

        @POST
        public FormValidation doCheckTimes(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> ParameterChecks.atLeastOne(value, "readiness.times"));
        }
    }
}
