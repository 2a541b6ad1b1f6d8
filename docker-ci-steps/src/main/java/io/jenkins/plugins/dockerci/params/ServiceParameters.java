package io.jenkins.plugins.dockerci.params;

import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.dockerci.config.FormPermissions;
import io.jenkins.plugins.dockerci.engine.services.ServiceSpec;
import java.util.Optional;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One service container of a test run (the repeatable {@code services} block): the form part of the freestyle
 * {@code dockerTest} and, as a map, of the Pipeline steps. Lists are written one item per line and maps one
 * {@code NAME=value} per line; {@link #toSettings(EnvVars)} expands the build's variables and parses them.
 */
public final class ServiceParameters implements Describable<ServiceParameters> {

    private final String image;
    private final String alias;
    private String aliases;
    private String env;
    private String command;
    private String ports;
    private ReadinessParameters readiness;
    private String timeout;
    private String dependsOn;

    /**
     * @param image the service image, e.g. {@code postgres:15}
     * @param alias the name the tests reach it by, e.g. {@code db}
     */
    @DataBoundConstructor
    public ServiceParameters(String image, String alias) {
        this.image = image == null ? "" : image.trim();
        this.alias = alias == null ? "" : alias.trim();
    }

    public String getImage() {
        return image;
    }

    public String getAlias() {
        return alias;
    }

    public String getAliases() {
        return aliases;
    }

    @DataBoundSetter
    public void setAliases(String aliases) {
        this.aliases = FormText.blankToNull(aliases);
    }

    public String getEnv() {
        return env;
    }

    @DataBoundSetter
    public void setEnv(String env) {
        this.env = FormText.blankToNull(env);
    }

    public String getCommand() {
        return command;
    }

    @DataBoundSetter
    public void setCommand(String command) {
        this.command = FormText.blankToNull(command);
    }

    public String getPorts() {
        return ports;
    }

    @DataBoundSetter
    public void setPorts(String ports) {
        this.ports = FormText.blankToNull(ports);
    }

    public ReadinessParameters getReadiness() {
        return readiness;
    }

    @DataBoundSetter
    public void setReadiness(ReadinessParameters readiness) {
        this.readiness = readiness;
    }

    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = FormText.blankToNull(timeout);
    }

    public String getDependsOn() {
        return dependsOn;
    }

    @DataBoundSetter
    public void setDependsOn(String dependsOn) {
        this.dependsOn = FormText.blankToNull(dependsOn);
    }

    /** The service in a build with environment {@code environment}. */
    public ServiceSettings toSettings(EnvVars environment) {
        String name = environment.expand(alias);
        String what = "services[" + (name.isEmpty() ? image : name) + "]";
        return new ServiceSettings(name, environment.expand(image), FormText.list(environment.expand(aliases)),
                FormText.assignments(environment.expand(env), what + ".env"), CommandSpec.shell(environment.expand(command)),
                FormText.ports(environment.expand(ports), what + ".ports"),
                readiness == null ? null : readiness.toSettings(environment, name),
                ParameterChecks.parseDuration(environment.expand(timeout), what + ".timeout", ServiceSpec.DEFAULT_STARTUP_TIMEOUT)
                        .toMillis(),
                FormText.list(environment.expand(dependsOn)));
    }

    /** Form support for a service block. */
    @Extension
    public static final class DescriptorImpl extends Descriptor<ServiceParameters> {

        @Override
        public String getDisplayName() {
            return "Service";
        }

        @POST
        public FormValidation doCheckImage(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> value == null || value.isBlank()
                    ? Optional.of("Give the service image, e.g. postgres:15") : ParameterChecks.reference(value));
        }

        @POST
        public FormValidation doCheckEnv(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> ParameterChecks.assignments(value, "env"));
        }

        @POST
        public FormValidation doCheckPorts(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> ParameterChecks.ports(value, "ports"));
        }

        @POST
        public FormValidation doCheckTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> ParameterChecks.duration(value, "timeout"));
        }
    }
}
