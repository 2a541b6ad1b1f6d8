package io.jenkins.plugins.dockerci.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.Test;

class BackgroundStepExecutionTest {

    /** Work that waits until released or interrupted. */
    private static final class Waiting extends BackgroundStepExecution<String> {
        private static final long serialVersionUID = 1L;
        final transient CountDownLatch running = new CountDownLatch(1);
        final transient CountDownLatch release = new CountDownLatch(1);
        volatile boolean interrupted;

        Waiting(StepContext context) {
            super(context, "waitStep", null, null);
        }

        @Override
        protected String run() throws Exception {
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted = true;
                throw e;
            }
            return "done";
        }
    }

    @Test
    void theResultComesFromTheWorkThreadAndStartDoesNotWait() throws Exception {
        FakeStepContext context = new FakeStepContext();
        Waiting execution = new Waiting(context);

        assertThat(execution.start()).as("asynchronous").isFalse();
        assertThat(execution.running.await(1, TimeUnit.MINUTES)).isTrue();
        assertThat(context.isDone()).isFalse();
        assertThat(execution.getStatus()).isEqualTo("running waitStep");
        execution.release.countDown();

        assertThat(context.result()).isEqualTo("done");
        assertThat(context.completions()).isEqualTo(1);
    }

    @Test
    void stopInterruptsTheWorkAndFailsOnceWithTheCause() throws Exception {
        FakeStepContext context = new FakeStepContext();
        Waiting execution = new Waiting(context);
        execution.start();
        execution.running.await(1, TimeUnit.MINUTES);

        Exception cause = new Exception("aborted");
        execution.stop(cause);
        execution.stop(cause);

        assertThat(context.failure()).isSameAs(cause);
        assertThat(execution.interrupted).isTrue();
        Thread.sleep(100);
        assertThat(context.completions()).isEqualTo(1);
    }

    @Test
    void afterARestartTheStepFailsSayingWhy() throws Exception {
        FakeStepContext context = new FakeStepContext();

        new Waiting(context).onResume();

        assertThat(context.failure()).isInstanceOf(AbortException.class)
                .hasMessageContaining("waitStep was running when Jenkins restarted");
    }
}
