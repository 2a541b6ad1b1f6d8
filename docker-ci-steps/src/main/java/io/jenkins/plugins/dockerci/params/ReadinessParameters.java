package io.jenkins.plugins.dockerci.params;

import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.dockerci.config.FormPermissions;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The {@code readiness} block of a service (one of {@code port}, {@code log} + {@code times}, {@code healthcheck},
 * {@code command}), as a form part and a Pipeline map ({@code readiness: [log: 'ready', times: 2]}).
 */
public final class ReadinessParameters implements Describable<ReadinessParameters> {

    private String port;
    private String log;
    private int times = 1;
    private boolean healthcheck;
    private String command;

    @DataBoundConstructor
    public ReadinessParameters() {
        // every check is optional; none means the engine's default
    }

    public String getPort() {
        return port;
    }

    @DataBoundSetter
    public void setPort(String port) {
        this.port = FormText.blankToNull(port);
    }

    public String getLog() {
        return log;
    }

    @DataBoundSetter
    public void setLog(String log) {
        this.log = FormText.blankToNull(log);
    }

    public int getTimes() {
        return times;
    }

    @DataBoundSetter
    public void setTimes(int times) {
        this.times = times;
    }

    public boolean isHealthcheck() {
        return healthcheck;
    }

    @DataBoundSetter
    public void setHealthcheck(boolean healthcheck) {
        this.healthcheck = healthcheck;
    }

    public String getCommand() {
        return command;
    }

    @DataBoundSetter
    public void setCommand(String command) {
        this.command = FormText.blankToNull(command);
    }

    /** The readiness in a build with environment {@code env}, or {@code null} for the engine's default. */
    public ReadinessSettings toSettings(EnvVars env, String service) {
        String expandedPort = env.expand(port);
        Integer portNumber = expandedPort == null ? null : FormText.port(expandedPort, "services[" + service + "].readiness.port");
        return ReadinessSettings.of(portNumber, env.expand(log), times, healthcheck, env.expand(command));
    }

    /** Form support for the readiness block. */
    @Extension
    public static final class DescriptorImpl extends Descriptor<ReadinessParameters> {

        @Override
        public String getDisplayName() {
            return "Readiness";
        }

        @POST
        public FormValidation doCheckPort(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> ParameterChecks.ports(value, "readiness.port"));
        }

        @POST
        public FormValidation doCheckLog(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> ParameterChecks.pattern(value));
        }
    }
}
