package io.jenkins.plugins.dockerci.pipeline;

import hudson.AbortException;
import hudson.Extension;
import hudson.model.Run;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.services.EnvTemplates;
import io.jenkins.plugins.dockerci.params.ServiceSettings;
import io.jenkins.plugins.dockerci.params.StepServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code dockerServices(services: [[image: 'postgres:15', alias: 'db']]) { sh 'make integration-test' }}: starts
 * service containers on the current node's Docker engine for as long as the body runs, with their ports published
 * on 127.0.0.1 and their coordinates in the body's environment ({@code DB_HOST}, {@code DB_PORT},
 * {@code DB_PORT_5432}, and the {@code env} templates), and always removes them when the body ends, however it ends.
 */
public final class DockerServicesStep extends Step {

    static final String FUNCTION = "dockerServices";

    private final List<Map<String, Object>> services;
    private Map<String, String> env = new TreeMap<>();

    /** @param services the services, as maps of the vocabulary's keys; required */
    @DataBoundConstructor
    public DockerServicesStep(List<Map<String, Object>> services) {
        this.services = services == null ? List.of() : new ArrayList<>(services);
    }

    public List<Map<String, Object>> getServices() {
        return services;
    }

    public Map<String, String> getEnv() {
        return env;
    }

    /** Variables built from the services' coordinates, e.g. {@code [DATABASE_URL: 'postgresql://${db.host}:${db.port.5432}/t']}. */
    @DataBoundSetter
    public void setEnv(Object env) {
        this.env = StepValues.map(env, FUNCTION + ".env");
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, this, StepServices.jenkins(), DockerNodes.get());
    }

    /** @throws AbortException naming the service, key or template that is wrong; nothing has been started */
    List<ServiceSettings> settings() throws AbortException {
        if (services.isEmpty()) {
            throw new AbortException(FUNCTION + ": give at least one service, e.g. services: [[image: 'postgres:15', alias: 'db']].");
        }
        try {
            List<ServiceSettings> settings = ServiceMaps.settings(services, FUNCTION);
            EnvTemplates.parse(env).validateAgainst(settings.stream().map(ServiceSettings::toSpec).toList());
            return settings;
        } catch (InvalidRequestException e) {
            String message = e.getMessage();
            throw new AbortException(message.startsWith(FUNCTION) ? message : FUNCTION + ": " + message);
        }
    }

    /**
     * Holds the services on the agent from a thread of its own while the body runs in Pipeline; the body's outcome
     * is the step's, once the services are gone.
     */
    static final class Execution extends BackgroundStepExecution<Object> {

        private static final long serialVersionUID = 1L;

        private final transient DockerServicesStep step;
        private transient Lease lease;

        Execution(StepContext context, DockerServicesStep step, StepServices services, DockerNodes nodes) {
            super(context, FUNCTION, services, nodes);
            this.step = step;
        }

        @Override
        protected Object run() throws Exception {
            StepRun run = stepRun();
            lease = new Lease(this, run);
            ServicesLease remote = run.workspace().getChannel().export(ServicesLease.class, lease);
            ServicesHoldTask task = new ServicesHoldTask(run.target(), step.settings(), new TreeMap<>(step.env), remote);
            ServicesHoldTask.Held held = run.onAgent(task, List.of());
            held.exited().forEach((alias, how) -> run.warn("service '" + alias + "' had stopped before the body ended: "
                    + how + "; a failure of the body may come from that"));
            if (lease.bodyFailure != null) {
                throw lease.bodyFailure instanceof Exception e ? e : new AbortException(lease.bodyFailure.toString());
            }
            return lease.bodyResult;
        }

        /**
         * While the body runs, releasing the services ends the work (they are removed, then the step fails with
         * {@code cause}); while they start, the work is interrupted, which removes what was started.
         */
        @Override
        public void stop(Throwable cause) {
            Lease current = lease;
            if (current != null && current.bodyStarted) {
                requestStop(cause, false);
                current.release();
            } else {
                requestStop(cause, true);
            }
        }

        /** Called by the body's callback. */
        void bodyEnded(Object result, Throwable failure) {
            Lease current = lease;
            if (current != null) {
                current.bodyResult = result;
                current.bodyFailure = failure;
                current.release();
            }
        }
    }

    /** The controller's side of the block: starts the body when the services are ready, releases them when it ends. */
    static final class Lease implements ServicesLease {

        private final Execution execution;
        private final StepRun run;
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile Object bodyResult;
        private volatile Throwable bodyFailure;
        private volatile boolean bodyStarted;

        Lease(Execution execution, StepRun run) {
            this.execution = execution;
            this.run = run;
        }

        @Override
        public void ready(ServicesStarted started) {
            started.readyMillis().forEach((alias, millis) -> run.log("Service '" + alias + "' ("
                    + started.images().get(alias) + ") ready after " + Duration.ofMillis(millis).toMillis() + " ms"));
            run.log("The body's environment has " + String.join(", ", started.environmentNames()));
            if (execution.isStopping()) {
                release();
                return;
            }
            try {
                StepContext context = execution.getContext();
                EnvironmentExpander outer = context.get(EnvironmentExpander.class);
                context.newBodyInvoker()
                        .withContext(new ServicesEnvironment(outer, started.environment()))
                        .withCallback(new BodyEnded(execution))
                        .start();
                bodyStarted = true;
            } catch (Exception e) {
                bodyFailure = e;
                release();
            }
        }

        @Override
        public void awaitRelease() throws InterruptedException {
            released.await();
        }

        void release() {
            released.countDown();
        }
    }

    /** Passes the body's outcome to the execution, which removes the services and then completes the step. */
    static final class BodyEnded extends BodyExecutionCallback {

        private static final long serialVersionUID = 1L;

        private final Execution execution;

        BodyEnded(Execution execution) {
            this.execution = execution;
        }

        @Override
        public void onSuccess(StepContext context, Object result) {
            execution.bodyEnded(result, null);
        }

        @Override
        public void onFailure(StepContext context, Throwable t) {
            execution.bodyEnded(null, t);
        }
    }

    /** {@code dockerServices} in Pipeline and the snippet generator. */
    @Extension
    public static final class DescriptorImpl extends NodeStepDescriptor {

        public DescriptorImpl() {
            super(FUNCTION, "Run service containers around a block");
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }
    }
}
