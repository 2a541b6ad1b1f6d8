package io.jenkins.plugins.dockerci.steps;

import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.config.FormPermissions;
import io.jenkins.plugins.dockerci.engine.registry.PullPolicy;
import io.jenkins.plugins.dockerci.params.CommandSpec;
import io.jenkins.plugins.dockerci.params.ParameterChecks;
import io.jenkins.plugins.dockerci.params.ServiceSettings;
import io.jenkins.plugins.dockerci.params.StepRun;
import java.util.List;
import java.util.Optional;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One service container of {@code dockerTest} or {@code dockerServices}:
 * {@code [image: 'postgres:16', alias: 'db', env: [POSTGRES_PASSWORD: 'example'], readiness: [port: 5432]]} in a
 * Jenkinsfile, a repeatable block in forms.
 */
public final class ServiceParameters extends AbstractDescribableImpl<ServiceParameters> {

    private static final ParameterSyntax SYNTAX = ParameterSyntax.none().maps("env").items("aliases", "dependsOn")
            .numbers("ports").lowerCaseChoices("pull").commandOrCmd();

    private final String image;
    private final String alias;
    private List<String> aliases = List.of();
    private List<NameValue> env = List.of();
    private String command;
    private List<String> cmd = List.of();
    private List<Integer> ports = List.of();
    private ReadinessParameters readiness;
    private String timeout;
    private List<String> dependsOn = List.of();
    private PullPolicy pull;

    /**
     * @param image the service image, e.g. {@code postgres:16}
     * @param alias the name the tests reach it by, and its template name ({@code ${db.host}}), e.g. {@code db}
     */
    @DataBoundConstructor
    public ServiceParameters(String image, String alias) {
        this.image = Texts.blankToNull(image);
        this.alias = Texts.blankToNull(alias);
    }

    public String getImage() {
        return image;
    }

    public String getAlias() {
        return alias;
    }

    /** More network aliases. */
    public List<String> getAliases() {
        return aliases;
    }

    @DataBoundSetter
    public void setAliases(List<String> aliases) {
        this.aliases = Texts.items(aliases);
    }

    /** The service's environment ({@code [NAME: 'value']} in a Jenkinsfile). */
    public List<NameValue> getEnv() {
        return env;
    }

    @DataBoundSetter
    public void setEnv(List<NameValue> env) {
        this.env = Texts.copy(env);
    }

    /** The command as a script for {@code /bin/sh -c}, or {@code null}. */
    public String getCommand() {
        return command;
    }

    @DataBoundSetter
    public void setCommand(String command) {
        this.command = Texts.blankToNull(command);
    }

    /** The command in exec form (a Jenkinsfile may write it as {@code command: [...]}). */
    public List<String> getCmd() {
        return cmd;
    }

    @DataBoundSetter
    public void setCmd(List<String> cmd) {
        this.cmd = Texts.arguments(cmd);
    }

    /** The ports it offers; empty for the image's EXPOSE. */
    public List<Integer> getPorts() {
        return ports;
    }

    @DataBoundSetter
    public void setPorts(List<Integer> ports) {
        this.ports = Texts.copy(ports);
    }

    /** How it tells it is ready, or {@code null} for its ports accepting connections. */
    public ReadinessParameters getReadiness() {
        return readiness;
    }

    @DataBoundSetter
    public void setReadiness(ReadinessParameters readiness) {
        this.readiness = readiness;
    }

    /** The startup (readiness) limit, e.g. {@code 60s}; {@code null} for the default. */
    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = Texts.blankToNull(timeout);
    }

    /** Aliases of services that must be ready first. */
    public List<String> getDependsOn() {
        return dependsOn;
    }

    @DataBoundSetter
    public void setDependsOn(List<String> dependsOn) {
        this.dependsOn = Texts.items(dependsOn);
    }

    /** When the image is pulled from its registry; {@code null} for {@code missing} (when the Docker host lacks it). */
    public PullPolicy getPull() {
        return pull;
    }

    @DataBoundSetter
    public void setPull(PullPolicy pull) {
        this.pull = pull;
    }

    /**
     * The service as the engine takes it.
     *
     * @param where the parameter, for messages, e.g. {@code dockerTest.services[0]}
     */
    ServiceSettings toSettings(StepRun run, String where) {
        String name = run.expand(alias);
        String what = name == null ? where : where + " (" + name + ")";
        CommandSpec command = cmd.isEmpty() ? CommandSpec.shell(run.expand(this.command)) : CommandSpec.exec(run.expand(cmd));
        return new ServiceSettings(name, run.expand(image), run.expand(aliases),
                ParameterChecks.environment(run, env, what + ".env"), command, ports,
                readiness == null ? null : readiness.toSettings(run),
                ParameterChecks.parseDuration(run.expand(timeout), what + ".timeout", ServiceSettings.DEFAULT_TIMEOUT).toMillis(),
                run.expand(dependsOn), pull);
    }

    /**
     * A job configuration written before a parameter existed (or by hand) leaves it out, and XStream then leaves the
     * field null: such a parameter gets its default.
     */
    private Object readResolve() {
        aliases = Texts.copy(aliases);
        env = Texts.copy(env);
        cmd = Texts.copy(cmd);
        ports = Texts.copy(ports);
        dependsOn = Texts.copy(dependsOn);
        return this;
    }

    /** Form support for a service block. */
    @Extension
    public static final class DescriptorImpl extends ParameterBlockDescriptor<ServiceParameters> {

        public DescriptorImpl() {
            super(SYNTAX);
        }

        @Override
        public String getDisplayName() {
            return Messages.ServiceParameters_displayName();
        }

        @POST
        public ListBoxModel doFillPullItems() {
            return Steps.pullChoices();
        }

        @POST
        public FormValidation doCheckImage(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> value == null || value.isBlank()
                    ? Optional.of(Messages.ServiceParameters_imageMissing()) : ParameterChecks.reference(value));
        }

        @POST
        public FormValidation doCheckAlias(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> value == null || value.isBlank()
                    ? Optional.of(Messages.ServiceParameters_aliasMissing()) : Optional.empty());
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
