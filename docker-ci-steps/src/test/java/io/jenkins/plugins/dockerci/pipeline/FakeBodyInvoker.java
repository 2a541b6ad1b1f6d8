package io.jenkins.plugins.dockerci.pipeline;

import hudson.EnvVars;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs a block step's body as Pipeline would: on another thread, with the environment the step's context overrides
 * give it, reporting the outcome to the step's callback.
 */
final class FakeBodyInvoker extends BodyInvoker {

    /** The body: gets its environment, returns a value or throws. */
    @FunctionalInterface
    interface Body {
        Object run(EnvVars environment) throws Exception;
    }

    private final StepContext context;
    private final Body body;
    private final List<Object> overrides = new ArrayList<>();
    private BodyExecutionCallback callback;
    final CompletableFuture<EnvVars> environment = new CompletableFuture<>();
    volatile boolean started;

    FakeBodyInvoker(StepContext context, Body body) {
        this.context = context;
        this.body = body;
    }

    @Override
    public BodyInvoker withContext(Object override) {
        overrides.add(override);
        return this;
    }

    @Override
    public BodyInvoker withCallback(BodyExecutionCallback bodyCallback) {
        this.callback = bodyCallback;
        return this;
    }

    @Override
    public BodyExecution start() {
        started = true;
        Thread thread = new Thread(() -> {
            try {
                EnvVars env = new EnvVars();
                for (Object override : overrides) {
                    if (override instanceof EnvironmentExpander expander) {
                        expander.expand(env);
                    }
                }
                environment.complete(env);
                callback.onSuccess(context, body.run(env));
            } catch (Throwable t) {
                environment.completeExceptionally(t);
                callback.onFailure(context, t);
            }
        }, "fake body");
        thread.setDaemon(true);
        thread.start();
        return null;
    }
}
