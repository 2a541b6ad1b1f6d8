package io.jenkins.plugins.dockerci.pipeline;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** What Pipeline gives a step: context objects by type, and the step's outcome (success value or failure), awaitable. */
final class FakeStepContext extends StepContext {

    private static final long serialVersionUID = 1L;

    private final transient Map<Class<?>, Object> objects = new HashMap<>();
    private final transient CompletableFuture<Object> outcome = new CompletableFuture<>();
    private transient BodyInvoker body;
    private transient int completions;

    <T> FakeStepContext with(Class<T> type, T value) {
        objects.put(type, value);
        return this;
    }

    FakeStepContext withBody(BodyInvoker invoker) {
        this.body = invoker;
        return this;
    }

    @Override
    public <T> T get(Class<T> key) {
        return key.cast(objects.get(key));
    }

    @Override
    public synchronized void onSuccess(Object result) {
        completions++;
        outcome.complete(result);
    }

    @Override
    public synchronized void onFailure(Throwable t) {
        completions++;
        outcome.completeExceptionally(t);
    }

    @Override
    public BodyInvoker newBodyInvoker() {
        if (body == null) {
            throw new IllegalStateException("no body");
        }
        return body;
    }

    /** The value the step returned; throws its failure. */
    Object result() throws Exception {
        try {
            return outcome.get(3, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    /** The step's failure, or {@code null} if it succeeded. */
    Throwable failure() throws InterruptedException, TimeoutException {
        try {
            outcome.get(3, TimeUnit.MINUTES);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    boolean isDone() {
        return outcome.isDone();
    }

    /** How often the step reported an outcome: Pipeline requires exactly once. */
    synchronized int completions() {
        return completions;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
