package io.jenkins.plugins.dockerci.engine.testrun;

import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.registry.ImagePuller;
import io.jenkins.plugins.dockerci.engine.services.Interruption;
import io.jenkins.plugins.dockerci.engine.services.ServiceSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Runs tests in a container with service containers next to it: starts and awaits the services, runs the test
 * command with their coordinates in its environment while streaming its output, copies the reports out, and tears
 * everything down in a finally path.
 *
 * <p>The test image is pulled first, as its {@link TestRequest#pull()} policy says, with the run's credentials
 * ({@link io.jenkins.plugins.dockerci.engine.registry.ImagePuller}). A non-zero exit, a timeout and an interrupt are
 * outcomes ({@link TestOutcome}); an image that cannot be pulled is an
 * {@link io.jenkins.plugins.dockerci.engine.registry.ImagePullException}; a service that does not become ready is a
 * {@link io.jenkins.plugins.dockerci.engine.services.ServiceStartException}; an inconsistent request is rejected when
 * it is built. If the calling thread was interrupted, its interrupt flag is set again on return.
 */
public final class TestRunner {

    private final EngineContext ctx;

    public TestRunner(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** Runs {@code request}, reporting progress and the test output to {@code log}. */
    public TestOutcome run(TestRequest request, LogSink log) {
        long start = System.nanoTime();
        if (!testImagePresent(request, log)) {
            return interrupted(start);
        }
        ServiceSet services;
        try {
            services = ServiceSet.start(ctx, request.services(), log);
        } catch (InterruptedException e) {
            log.warn("Interrupted while starting the services; they were removed");
            Thread.currentThread().interrupt();
            return interrupted(start);
        }
        TestExecution.Result result = null;
        ReportCopier.Copied copied = new ReportCopier.Copied(List.of(), List.of());
        List<String> serviceProblems = new ArrayList<>();
        List<String> cleanupProblems = new ArrayList<>();
        try {
            String id = createTestContainer(request, services, log);
            if (id == null) {
                result = new TestExecution.Result(Termination.INTERRUPTED, OptionalInt.empty());
            } else {
                log.info("Running tests in " + request.image() + (request.command() == null ? "" : ": " + request.command().argv()));
                result = new TestExecution(ctx.docker(), log).run(id, request.timeout(), request.stopGracePeriod());
                log.info("Test command " + describe(result));
                services.exited().forEach((name, how) -> serviceProblems.add("Service '" + name + "' " + how + " while the tests ran"));
                serviceProblems.forEach(log::warn);
                if (!request.reportPaths().isEmpty()) {
                    copied = new ReportCopier(ctx.docker(), log).copy(id, request.reportPaths(), request.reportsDir());
                }
            }
        } finally {
            boolean passed = result != null && result.termination() == Termination.EXITED
                    && result.exitCode().isPresent() && result.exitCode().getAsInt() == 0;
            if (request.keepOnFailure() && !passed) {
                log.warn("keepOnFailure: leaving the test container, the services and their network for inspection: "
                        + services.keep() + "; remove them when done (docker rm -f -v, docker network rm)");
            } else {
                cleanupProblems.addAll(services.stop());
            }
        }
        if (result.termination() == Termination.INTERRUPTED) {
            Thread.currentThread().interrupt();
        }
        return new TestOutcome(result.termination(), result.exitCode(), since(start), services.timesToReady(), copied.reports(),
                copied.problems(), serviceProblems, cleanupProblems);
    }

    /**
     * Pulls the test image as its policy says, before anything is created, so a missing image or credentials leave
     * nothing behind; {@code false} when an interrupt stopped the pull (the flag is set again).
     */
    private boolean testImagePresent(TestRequest request, LogSink log) {
        try {
            new ImagePuller(ctx).ensure(request.image(), request.pull(), "for the tests", log);
            return true;
        } catch (RuntimeException e) {
            if (Interruption.causedBy(e)) {
                log.warn("Interrupted while pulling the test image");
                Thread.currentThread().interrupt();
                return false;
            }
            throw e;
        }
    }

    private static TestOutcome interrupted(long startNanos) {
        return new TestOutcome(Termination.INTERRUPTED, OptionalInt.empty(), since(startNanos), Map.of(), List.of(), List.of(), List.of(),
                List.of());
    }

    /** The test container's id, or {@code null} if an interrupt stopped its creation. */
    private String createTestContainer(TestRequest request, ServiceSet services, LogSink log) {
        try {
            return new TestContainerFactory(ctx).create(request, services);
        } catch (RuntimeException e) {
            if (Interruption.causedBy(e)) {
                Thread.interrupted();
                log.warn("Interrupted while creating the test container");
                return null;
            }
            throw e;
        }
    }

    private static String describe(TestExecution.Result result) {
        String code = result.exitCode().isPresent() ? "exit code " + result.exitCode().getAsInt() : "no exit code";
        return switch (result.termination()) {
            case EXITED -> "exited with " + code;
            case TIMED_OUT -> "timed out and was stopped (" + code + ")";
            case INTERRUPTED -> "was interrupted and stopped (" + code + ")";
        };
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
