package io.jenkins.plugins.dockerci.steps;

import hudson.AbortException;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.config.FormPermissions;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.services.EnvTemplates;
import io.jenkins.plugins.dockerci.params.ParameterChecks;
import io.jenkins.plugins.dockerci.params.ServiceSettings;
import io.jenkins.plugins.dockerci.params.ServicesStartTask;
import io.jenkins.plugins.dockerci.params.StepRun;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code dockerServices(services: [[image: 'postgres:16', alias: 'db']]) { sh 'make integration-test' }}: starts
 * service containers on the current node's Docker engine for as long as the body runs, with their ports published on
 * 127.0.0.1 and their coordinates in the body's environment ({@code DB_HOST}, {@code DB_PORT}, {@code DB_PORT_5432},
 * and the {@code env} templates), and always removes them when the body ends, however it ends.
 */
public final class DockerServicesStep extends Step {

    /** The step's function name. */
    public static final String FUNCTION = "dockerServices";

    private final List<ServiceParameters> services;
    private List<NameValue> env = List.of();

    /** @param services the services; required */
    @DataBoundConstructor
    public DockerServicesStep(List<ServiceParameters> services) {
        this.services = Texts.copy(services);
    }

    public List<ServiceParameters> getServices() {
        return services;
    }

    /** Variables built from the services' coordinates, e.g. {@code [DATABASE_URL: 'postgresql://${db.host}:${db.port.5432}/t']}. */
    public List<NameValue> getEnv() {
        return env;
    }

    @DataBoundSetter
    public void setEnv(List<NameValue> env) {
        this.env = Texts.copy(env);
    }

    /**
     * A job configuration written before a parameter existed (or by hand) leaves it out, and XStream then leaves the
     * field null: such a parameter gets its default.
     */
    private Object readResolve() {
        env = Texts.copy(env);
        return this;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new ServicesExecution(context, this);
    }

    /**
     * What to start, checked on the controller before anything starts.
     *
     * @throws AbortException naming the service, key or template that is wrong
     */
    ServicesStartTask task(StepRun run) throws IOException {
        if (services.isEmpty()) {
            throw new AbortException(Messages.DockerServicesStep_noServices(FUNCTION));
        }
        try {
            List<ServiceSettings> settings = new ArrayList<>();
            for (int i = 0; i < services.size(); i++) {
                settings.add(services.get(i).toSettings(run, FUNCTION + ".services[" + i + "]"));
            }
            Map<String, String> templates = ParameterChecks.environment(run, env, FUNCTION + ".env");
            EnvTemplates.parse(templates).validateAgainst(settings.stream().map(ServiceSettings::toSpec).toList());
            return new ServicesStartTask(run.target(), settings, new TreeMap<>(templates));
        } catch (InvalidRequestException e) {
            throw Steps.invalid(FUNCTION, e);
        }
    }

    /** {@code dockerServices}: Pipeline and the Snippet Generator. */
    @Extension
    public static final class DescriptorImpl extends DockerStepDescriptor {

        public DescriptorImpl() {
            super(FUNCTION, ParameterSyntax.none().maps("env"));
        }

        @Override
        public String getDisplayName() {
            return Messages.DockerServicesStep_displayName();
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        @POST
        public FormValidation doCheckEnv(@AncestorInPath Item item, @QueryParameter String value) {
            return FormPermissions.canConfigureThen(item, () -> ParameterChecks.environment(value, FUNCTION + ".env"));
        }
    }
}
