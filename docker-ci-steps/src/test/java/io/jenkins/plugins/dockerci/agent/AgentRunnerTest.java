package io.jenkins.plugins.dockerci.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.FilePath;
import hudson.model.TaskListener;
import io.jenkins.plugins.dockerci.engine.LogSink.Kind;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import io.jenkins.plugins.dockerci.engine.log.SecretMasker;
import io.jenkins.plugins.dockerci.testsupport.ClassFilterCheck;
import io.jenkins.plugins.dockerci.testsupport.RecordingListener;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import jenkins.security.Roles;
import org.jenkinsci.remoting.Role;
import org.jenkinsci.remoting.RoleChecker;
import org.jenkinsci.remoting.RoleSensitive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentRunnerTest {

    @TempDir
    File workspace;

    private final RecordingListener listener = new RecordingListener();
    private final RecordingTracker tracker = new RecordingTracker();

    @Test
    void runsTheTaskInTheWorkspaceAndStreamsItsLinesMasked() throws Exception {
        AgentRunner runner = new AgentRunner(listener, List.of("hunter2"), tracker);

        String result = runner.inWorkspace(new FilePath(workspace), new WriteAndLog("out.txt", "logging in with hunter2"));

        assertThat(result).isEqualTo(workspace.getPath());
        assertThat(new File(workspace, "out.txt")).exists();
        assertThat(listener.lines()).containsExactly("[docker-ci] logging in with ****", "[stderr] done");
        assertThat(tracker.events).containsExactly("creating CONTAINER out.txt", "created CONTAINER out.txt id-1");
    }

    @Test
    void runsOnANodeWithoutAWorkspace() throws Exception {
        AgentRunner runner = new AgentRunner(listener, List.of(), tracker);

        String result = runner.onNode(new FilePath(workspace).getChannel(), new WorkspaceOf());

        assertThat(result).isEqualTo("none");
    }

    @Test
    void abortingTheBuildInterruptsTheTaskWhichCleansUp() throws Exception {
        AgentRunner runner = new AgentRunner(listener, List.of(), tracker);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread executor = new Thread(() -> {
            try {
                runner.inWorkspace(new FilePath(workspace), new BlockUntilInterrupted());
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        executor.start();
        awaitLine("[docker-ci] waiting");

        executor.interrupt();
        executor.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(executor.isAlive()).isFalse();
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
        assertThat(listener.lines()).contains("[docker-ci] interrupted: removing what I created");
    }

    @Test
    void failuresComeBackAsPlainCopiesWithSecretsMasked() {
        AgentRunner runner = new AgentRunner(listener, List.of("hunter2"), tracker);

        assertThatThrownBy(() -> runner.inWorkspace(new FilePath(workspace), new Fail()))
                .isInstanceOfSatisfying(AgentFailure.class, e -> {
                    assertThat(e.getOriginalType()).isEqualTo(IllegalStateException.class.getName());
                    assertThat(e.getMessage()).isEqualTo("push failed for ****");
                    assertThat(e.getCause()).isInstanceOf(AgentFailure.class).hasMessage("library detail");
                    assertThat(e.getStackTrace()).isNotEmpty();
                });
    }

    @Test
    void onlyClassesJenkinsClassFilterAcceptsCrossTheChannel() {
        AgentInvocation<String> invocation = new AgentInvocation<>(new WriteAndLog("f", "text"), new QuietListener(),
                List.of("pw", "user:pw"), new ProxyLikeTracker());

        assertThat(ClassFilterCheck.rejectedClassesOf(new AgentFileCall<>(invocation))).isEmpty();
        assertThat(ClassFilterCheck.rejectedClassesOf(new AgentCall<>(invocation))).isEmpty();
        assertThat(ClassFilterCheck.rejectedClassesOf(AgentFailure.copyOf(
                new IllegalStateException("x", new RuntimeException("y")), SecretMasker.of(List.of())))).isEmpty();
    }

    @Test
    void theClassFilterCheckRejectsWhatJenkinsWouldReject() {
        assertThat(ClassFilterCheck.rejectedClassesOf(new java.util.ArrayList<>(List.of(List.of("a"), java.time.Instant.EPOCH))))
                .contains("java.util.CollSer", "java.time.Ser");
    }

    @Test
    void theCallablesMayOnlyRunOnAnAgent() {
        AgentInvocation<String> invocation = new AgentInvocation<>(new WorkspaceOf(), listener, List.of(), tracker);
        List<Collection<Role>> demanded = new ArrayList<>();
        RoleChecker checker = new RoleChecker() {
            @Override
            public void check(RoleSensitive subject, Collection<Role> expected) {
                demanded.add(expected);
            }
        };

        new AgentFileCall<>(invocation).checkRoles(checker);
        new AgentCall<>(invocation).checkRoles(checker);

        assertThat(demanded).containsExactly(Set.of(Roles.SLAVE), Set.of(Roles.SLAVE));
    }

    private void awaitLine(String line) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!listener.lines().contains(line)) {
            assertThat(System.nanoTime()).as("waiting for '%s'", line).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    record WriteAndLog(String file, String message) implements AgentTask<String> {
        @Override
        public String run(AgentContext context) throws IOException {
            context.tracker().creating(ResourceKind.CONTAINER, file);
            new File(context.workspace(), file).createNewFile();
            context.tracker().created(ResourceKind.CONTAINER, file, "id-1");
            context.log().info(message);
            context.log().line(Kind.STDERR, "done");
            return context.workspace().getPath();
        }
    }

    record WorkspaceOf() implements AgentTask<String> {
        @Override
        public String run(AgentContext context) {
            return context.workspace() == null ? "none" : context.workspace().getPath();
        }
    }

    record BlockUntilInterrupted() implements AgentTask<String> {
        @Override
        public String run(AgentContext context) throws InterruptedException {
            context.log().info("waiting");
            try {
                new CountDownLatch(1).await();
                return "never";
            } catch (InterruptedException e) {
                context.log().info("interrupted: removing what I created");
                throw e;
            }
        }
    }

    record Fail() implements AgentTask<String> {
        @Override
        public String run(AgentContext context) {
            throw new IllegalStateException("push failed for hunter2", new RuntimeException("library detail"));
        }
    }

    static final class RecordingTracker implements ResourceTracker, Serializable {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void creating(ResourceKind kind, String name) {
            events.add("creating " + kind + " " + name);
        }

        @Override
        public void created(ResourceKind kind, String name, String id) {
            events.add("created " + kind + " " + name + " " + id);
        }
    }

    // stands in for the remoting proxy of the controller's ledger, which carries no state of its own
    record ProxyLikeTracker() implements ResourceTracker, Serializable {
        @Override
        public void creating(ResourceKind kind, String name) {
        }

        @Override
        public void created(ResourceKind kind, String name, String id) {
        }
    }

    // stands in for Jenkins' remotable build listener, which serialises as a stream back to the controller
    static final class QuietListener implements TaskListener {
        @Override
        public PrintStream getLogger() {
            return System.out;
        }
    }
}
