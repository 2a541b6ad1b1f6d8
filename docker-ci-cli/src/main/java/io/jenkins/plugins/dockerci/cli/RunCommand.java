package io.jenkins.plugins.dockerci.cli;

import io.jenkins.plugins.dockerci.cli.config.FlowFileReader;
import io.jenkins.plugins.dockerci.cli.config.FlowPlan.Step;
import io.jenkins.plugins.dockerci.cli.config.Problem;
import io.jenkins.plugins.dockerci.cli.flow.CliIdentity;
import io.jenkins.plugins.dockerci.cli.flow.CliRegistryLogins;
import io.jenkins.plugins.dockerci.cli.flow.FlowOutcome;
import io.jenkins.plugins.dockerci.cli.flow.FlowRunner;
import io.jenkins.plugins.dockerci.cli.output.ConsoleLog;
import io.jenkins.plugins.dockerci.cli.output.JsonReport;
import io.jenkins.plugins.dockerci.cli.output.SummaryTable;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.docker.DockerEndpoint;
import io.jenkins.plugins.dockerci.engine.registry.DockerConfigLogins;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code docker-ci run}: build → test → push (only if the tests pass) → cleanup (always). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the flow of docker-ci.yml: build, test with services, push if the tests pass, clean up always.")
final class RunCommand implements Callable<Integer> {

    // how long Ctrl-C waits for cleanup before the JVM exits anyway
    private static final long CLEANUP_ON_INTERRUPT_SECONDS = 120;

    private final Main main;

    @Option(names = {"-f", "--file"}, defaultValue = "docker-ci.yml", description = "the flow file (default: ${DEFAULT-VALUE})")
    Path file;

    @Option(names = "--only", split = ",", paramLabel = "STEP",
            description = "run only these steps: build, test, push (cleanup always runs)")
    List<String> only;

    @Option(names = "--keep-on-failure", description = "keep the containers of failed tests for debugging (docker-ci reap removes them)")
    boolean keepOnFailure;

    @Option(names = "--json", paramLabel = "FILE", description = "also write a machine-readable report to FILE")
    Path json;

    @Option(names = {"-q", "--quiet"}, description = "print only step headers, warnings and the summary")
    boolean quiet;

    @Option(names = "--no-color", description = "no colours even on a terminal")
    boolean noColor;

    RunCommand(Main main) {
        this.main = main;
    }

    @Override
    public Integer call() throws IOException {
        FlowFileReader.Result read = new FlowFileReader(main.env()).read(file);
        if (!read.problems().isEmpty()) {
            main.out().println(file + " has " + read.problems().size() + " problem(s):");
            for (Problem problem : read.problems()) {
                main.out().println("  " + file.getFileName() + ":" + problem);
            }
            return Main.INVALID_INPUT;
        }
        Set<Step> steps = steps();
        if (steps == null) {
            return Main.INVALID_INPUT;
        }
        DockerEndpoint endpoint;
        try {
            endpoint = DockerEndpoint.fromEnvironment(main.env());
        } catch (IllegalArgumentException e) {
            main.out().println("ERROR: " + e.getMessage());
            return Main.INVALID_INPUT;
        }
        CliRegistryLogins registries;
        try {
            registries = new CliRegistryLogins(read.plan().orElseThrow().registries(), DockerConfigLogins.load(main.env()));
        } catch (DockerCiException e) {
            main.out().println("ERROR: " + e.getMessage());
            return Main.INVALID_INPUT;
        }
        ConsoleLog console = new ConsoleLog(main.out(), !noColor && ConsoleLog.terminalWantsColour(), quiet);
        Interruptible ctrlC = new Interruptible(Thread.currentThread(), console);
        Runtime.getRuntime().addShutdownHook(ctrlC.hook);
        try {
            FlowOutcome outcome = new FlowRunner(endpoint, CliIdentity.of(main.env()), console, Clock.systemUTC(), registries)
                    .run(read.plan().orElseThrow(), steps, keepOnFailure);
            if (ctrlC.interrupted.get()) {
                outcome = new FlowOutcome(FlowOutcome.Status.INTERRUPTED, outcome.runId(), outcome.build(), outcome.test(),
                        outcome.push(), outcome.cleanup(), outcome.durations(), outcome.failure());
            }
            console.header("Summary");
            SummaryTable.lines(outcome).forEach(console::always);
            outcome.failure().ifPresent(console::error);
            if (json != null) {
                JsonReport.write(outcome, json);
                console.always("report: " + json.toAbsolutePath());
            }
            return outcome.status().exitCode();
        } finally {
            ctrlC.finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(ctrlC.hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it only waits for this method to finish
            }
        }
    }

    /**
     * Ctrl-C (SIGINT) starts the JVM's shutdown: the hook interrupts the flow, which stops what runs and cleans up,
     * and waits until the run has printed its summary, so the process exits (with 130) only once cleanup is done.
     */
    private static final class Interruptible {
        private final CountDownLatch finished = new CountDownLatch(1);
        private final AtomicBoolean interrupted = new AtomicBoolean();
        private final Thread hook;

        Interruptible(Thread flow, ConsoleLog console) {
            hook = new Thread(() -> {
                interrupted.set(true);
                console.line(ConsoleLog.Kind.WARN, "interrupted: stopping and cleaning up");
                flow.interrupt();
                try {
                    finished.await(CLEANUP_ON_INTERRUPT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "docker-ci-interrupt");
        }
    }

    private Set<Step> steps() {
        if (only == null || only.isEmpty()) {
            return EnumSet.allOf(Step.class);
        }
        Set<Step> steps = EnumSet.noneOf(Step.class);
        for (String name : only) {
            try {
                steps.add(Step.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                main.out().println("ERROR: --only " + name + ": not a step; use build, test or push (cleanup always runs)");
                return null;
            }
        }
        return steps;
    }
}
